using AidMarket.Domain.Common;
using AidMarket.Domain.Payments;
using Shouldly;

namespace AidMarket.Domain.Tests.Payments;

public class BankStatementCsvTests
{
    [Fact]
    public void Rows_are_read_with_either_date_form_grouped_amounts_and_quoted_memos()
    {
        var import = BankStatementCsv.Parse(
            "\uFEFF交易日期,金额,摘要,流水号\r\n" +
            "2026-11-20,\"1,234.50\",\"货款 AM0000000169, 海珠区\",B-1\r\n" +
            "\r\n" +
            "2026/11/21,98,\"备注 \"\"加急\"\"\",B-2\n" +
            "2026/1/2,¥0.05,,B-3\n");
        import.IsValid.ShouldBeTrue();
        import.Transfers.ShouldBe(
        [
            new BankTransfer(new DateOnly(2026, 11, 20), new Money(123_450), "货款 AM0000000169, 海珠区", "B-1"),
            new BankTransfer(new DateOnly(2026, 11, 21), new Money(9_800), "备注 \"加急\"", "B-2"),
            new BankTransfer(new DateOnly(2026, 1, 2), new Money(5), "", "B-3"),
        ]);
    }

    [Fact]
    public void Bad_rows_give_errors_with_their_line_and_no_transfer_is_returned()
    {
        var import = BankStatementCsv.Parse(string.Join('\n',
            "2026-11-20,100.00,ok,B-1",
            "20.11.2026,100.00,bad date,B-2",
            "2026-11-20,1.234,three decimals,B-3",
            "2026-11-20,-5.00,negative,B-4",
            "2026-11-20,\"1,23.00\",bad grouping,B-5",
            "2026-11-20,100.00,no slip, ",
            "2026-11-20,100.00,too few",
            "2026-11-20,100.00,again,b-1",
            "2026-11-20,\"1,000,000,000,000,000.00\",too large,B-9"));
        import.IsValid.ShouldBeFalse();
        import.Transfers.ShouldBeEmpty();
        import.Errors.Select(e => (e.Line, e.Code)).ShouldBe(
        [
            (2, "BankStatement.Date"), (3, "BankStatement.Amount"), (4, "BankStatement.Amount"), (5, "BankStatement.Amount"),
            (6, "BankStatement.SlipRequired"), (7, "BankStatement.Columns"), (8, "BankStatement.SlipTwice"), (9, "BankStatement.Amount"),
        ]);
    }

    [Theory]
    [InlineData("", "BankStatement.Empty")]
    [InlineData("date,amount,memo,slip\n", "BankStatement.Empty")]
    [InlineData("2026-11-20,1.00,\"never closed,B-1", "BankStatement.UnclosedQuote")]
    public void An_empty_or_broken_file_is_refused(string csv, string code) =>
        BankStatementCsv.Parse(csv).Errors.ShouldHaveSingleItem().Code.ShouldBe(code);

    [Fact]
    public void A_line_break_inside_a_quoted_memo_keeps_later_line_numbers_right()
    {
        var import = BankStatementCsv.Parse("2026-11-20,1.00,\"two\nlines\",B-1\n2026-11-20,x,bad,B-2");
        import.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
    }
}
