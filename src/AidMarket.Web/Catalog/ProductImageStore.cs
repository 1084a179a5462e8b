using AidMarket.Domain.Catalog;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Catalog;

public class StorageOptions
{
    /// <summary>Folder for uploaded product images, outside the web root. Default: beside the local database.</summary>
    public string ProductImagesPath { get; set; } = "";
}

/// <summary>Keeps product images outside the web root under names it makes itself; the type is read from the bytes, not the name.</summary>
public class ProductImageStore(IOptions<StorageOptions> options)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    private static readonly (string ContentType, string Extension, byte[] Magic, int Offset)[] Signatures =
    [
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF], 0),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("image/webp", ".webp", "WEBP"u8.ToArray(), 8),
    ];

    private string Root => options.Value.ProductImagesPath;

    public async Task<ProductImage> SaveAsync(Stream content, long length, CancellationToken ct)
    {
        if (length <= 0) throw new DomainException("Image.Empty", "The file is empty.");
        if (length > MaxBytes) throw new DomainException("Image.TooLarge", "An image may be at most 2 MB.");
        var head = new byte[16];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = Signatures.FirstOrDefault(s => read >= s.Offset + s.Magic.Length && head.AsSpan(s.Offset, s.Magic.Length).SequenceEqual(s.Magic));
        if (type.ContentType is null || (type.Extension == ".webp" && !head.AsSpan(0, 4).SequenceEqual("RIFF"u8)))
            throw new DomainException("Image.NotAnImage", "The file is not a JPEG, PNG or WebP image.");

        Directory.CreateDirectory(Root);
        var name = Guid.CreateVersion7().ToString("N") + type.Extension;
        var path = Path.Combine(Root, name);
        await using (var file = File.Create(path))
        {
            await file.WriteAsync(head.AsMemory(0, read), ct);
            await content.CopyToAsync(file, ct);
            if (file.Length > MaxBytes)
            {
                file.Close();
                File.Delete(path);
                throw new DomainException("Image.TooLarge", "An image may be at most 2 MB.");
            }
        }
        return new ProductImage(name, type.ContentType, new FileInfo(path).Length);
    }

    /// <summary>The stored file for a name this store made; anything else (paths, dots) is refused.</summary>
    public string? PathOf(string fileName) =>
        fileName.Length <= 40 && fileName.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') && fileName.Count(c => c == '.') == 1
            ? Path.Combine(Root, fileName)
            : null;

    public void Delete(string fileName)
    {
        if (PathOf(fileName) is { } path && File.Exists(path)) File.Delete(path);
    }
}
