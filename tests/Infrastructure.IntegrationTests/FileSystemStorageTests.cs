using System.Text;
using Kboss.Infrastructure.Files;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The document storage adapter on a real folder: generated names only, nothing outside its root (ADR 0027).
/// </summary>
public sealed class FileSystemStorageTests : IDisposable
{
    private readonly string _parent =
        Path.Combine(Path.GetTempPath(), "kboss-storage-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemStorage _storage;

    public FileSystemStorageTests()
    {
        _storage = new FileSystemStorage(Path.Combine(_parent, "documents"));
        File.WriteAllText(Path.Combine(_parent, "secret.txt"), "outside the root");
    }

    public void Dispose() => Directory.Delete(_parent, true);

    [Fact]
    public async Task Saves_under_a_generated_name_and_reads_it_back()
    {
        var key = await _storage.SaveAsync(new MemoryStream("hello"u8.ToArray()), "txt", default);
        key.Should().MatchRegex("^[0-9a-f]{32}\\.txt$");
        Directory.GetFiles(_storage.Root).Select(Path.GetFileName).Should().Equal(key); // no .part left
        await using (var s = await _storage.OpenReadAsync(key, default))
            (await new StreamReader(s!, Encoding.UTF8).ReadToEndAsync()).Should().Be("hello");
        await _storage.DeleteAsync(key, default);
        (await _storage.OpenReadAsync(key, default)).Should().BeNull();
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("..\\secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("documents/../../secret.txt")]
    [InlineData("0123456789abcdef0123456789abcdef.txt\u0000")]
    [InlineData("0123456789abcdef0123456789abcdef.txt/../../secret.txt")]
    [InlineData("")]
    public async Task Keys_of_any_other_shape_never_reach_the_disk(string key)
    {
        (await _storage.OpenReadAsync(key, default)).Should().BeNull();
        await _storage.DeleteAsync(key, default);
        File.Exists(Path.Combine(_parent, "secret.txt")).Should().BeTrue();
    }

    [Theory]
    [InlineData("../txt")]
    [InlineData("t/x")]
    [InlineData("")]
    [InlineData("TXT")]
    public async Task Extensions_are_lower_case_letters_and_digits(string extension)
    {
        var save = () => _storage.SaveAsync(new MemoryStream([1]), extension, default);
        await save.Should().ThrowAsync<ArgumentException>();
        Directory.GetFiles(_parent, "*", SearchOption.AllDirectories).Should().HaveCount(1); // only secret.txt
    }
}
