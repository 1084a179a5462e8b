namespace AidMarket.Web.Catalog;

/// <summary>The categories and units a product may have: offered by the product form, checked by the form and the import.</summary>
public static class ProductChoices
{
    public static readonly string[] Categories = ["食用菌", "山珍干货", "茶叶", "蔬菜", "水果", "禽蛋", "粮油", "肉类", "坚果", "中药材", "手工艺品", "其他"];
    public static readonly string[] Units = ["kg", "斤", "箱", "瓶", "袋", "盒", "个", "件"];
}
