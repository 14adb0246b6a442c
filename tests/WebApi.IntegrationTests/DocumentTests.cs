using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>文档管理 (22-documents.md; analysis/platform.md §3.3, §4.4; ADR 0027) through HTTP on SQLite.</summary>
public sealed class DocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Upload = "/doc/upload_doc.dspy";
    private const string List = "/doc/get_doc_list.dspy";
    private const string Update = "/doc/update_doc.dspy";
    private const string Download = "/doc/download_doc.dspy";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48];
    public static readonly byte[] Exe =
        [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xFF, 0xFF];

    public static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
                using (var w = new StreamWriter(zip.CreateEntry(e).Open())) w.Write("<x/>");
        return ms.ToArray();
    }

    /// <summary>A multipart upload; <paramref name="fileName"/> goes into the part's header byte for byte.</summary>
    public static async Task<Response> UploadAsync(Api who, byte[]? content, string fileName,
        params (string Key, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (content is not null)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (fileName.All(char.IsAscii))
                part.Headers.TryAddWithoutValidation("Content-Disposition",
                    $"form-data; name=\"file\"; filename=\"{fileName}\"");
            else
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                    { Name = "\"file\"", FileNameStar = fileName };
            form.Add(part);
        }
        return await Response.ReadAsync(await who.Http.PostAsync(Upload, form));
    }

    private async Task<string> UploadOkAsync(byte[] content, string fileName, string title = "手传特拉")
    {
        var r = await UploadAsync(app.Operator(), content, fileName, ("title", title), ("user_name", "韩明"),
            ("file_type", "说明"), ("kind", "1"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("上传成功");
        return r.Data!["id"]!.GetValue<string>();
    }

    private static async Task<(int Status, string? Type, string? Disposition, byte[] Body)> GetFileAsync(Api who,
        string id)
    {
        var m = await who.Http.GetAsync($"{Download}?id={Uri.EscapeDataString(id)}");
        return ((int)m.StatusCode, m.Content.Headers.ContentType?.ToString(),
            m.Content.Headers.ContentDisposition?.ToString(), await m.Content.ReadAsByteArrayAsync());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> RowAsync(string id) =>
        (await app.Operator().PostAsync(List)).Data!.AsArray().Single(d => d!["id"]!.GetValue<string>() == id)!;

    private static IEnumerable<string> Ids(Response r) => r.Data!.AsArray().Select(d => d!["id"]!.GetValue<string>());

    [Fact]
    public async Task Upload_publish_list_and_download_with_the_sniffed_type()
    {
        var id = await UploadOkAsync(Pdf, "说明 书.pdf");
        var mine = await app.Operator().PostAsync(List);
        mine.Status.Should().BeTrue(mine.Raw);
        var row = mine.Data!.AsArray().Single(d => d!["id"]!.GetValue<string>() == id)!;
        row["status"]!.GetValue<int>().Should().Be(0); // hidden until published
        row["kind"]!.GetValue<int>().Should().Be(1);
        row["user_name"]!.GetValue<string>().Should().Be("韩明");
        row["title"]!.GetValue<string>().Should().Be("手传特拉");
        row["file_name"]!.GetValue<string>().Should().Be("说明 书.pdf");
        row["content_type"]!.GetValue<string>().Should().Be("application/pdf");
        row["file_size"]!.GetValue<long>().Should().Be(Pdf.Length);
        row["file_path"]!.GetValue<string>().Should().Be($"/doc/download_doc.dspy?id={id}");
        row["del_flg"]!.GetValue<string>().Should().Be("0");
        Ids(await app.Anonymous().PostAsync(List)).Should().NotContain(id);
        Ids(await app.Customer().PostAsync(List)).Should().NotContain(id);
        (await GetFileAsync(app.Anonymous(), id)).Status.Should().Be(200); // JSON envelope …
        var hidden = await Response.ReadAsync(await app.Anonymous().Http.GetAsync($"{Download}?id={id}"));
        (hidden.Status, hidden.Msg, hidden.Code).Should().Be((false, "文档不存在", "not_found")); // … not the file

        var published = await app.Operator().PostAsync(Update, ("id", id), ("status", "1"));
        (published.Status, published.Msg).Should().Be((true, "修改成功"));
        published.Data!["status"]!.GetValue<int>().Should().Be(1);
        Ids(await app.Anonymous().PostAsync(List)).Should().Contain(id);
        Ids(await app.Anonymous().PostAsync(List, ("kind", "1"))).Should().Contain(id);
        Ids(await app.Anonymous().PostAsync(List, ("kind", "2"))).Should().NotContain(id);
        Ids(await app.Anonymous().PostAsync(List, ("doc_type", "说明"))).Should().Contain(id);
        Ids(await app.Anonymous().PostAsync(List, ("status", "0"))).Should().Contain(id); // ignored for visitors
        Ids(await app.Operator().PostAsync(List, ("status", "0"))).Should().NotContain(id);

        var file = await GetFileAsync(app.Anonymous(), id);
        file.Status.Should().Be(200);
        file.Type.Should().Be("application/pdf");
        file.Disposition.Should().StartWith("attachment").And.Contain("filename*=UTF-8''%E8%AF%B4%E6%98%8E");
        file.Body.Should().Equal(Pdf);
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("txt", "text/plain; charset=utf-8")]
    [InlineData("gif", "image/gif")]
    [InlineData("jpg", "image/jpeg")]
    public async Task Allowed_kinds_are_recognised_by_content(string ext, string type)
    {
        var content = ext switch
        {
            "png" => Png,
            "docx" => Zip("[Content_Types].xml", "word/document.xml"),
            "xlsx" => Zip("[Content_Types].xml", "xl/workbook.xml"),
            "txt" => Encoding.UTF8.GetBytes("纯文本\r\n第二行\t<script>alert(1)</script>"),
            "gif" => Encoding.ASCII.GetBytes("GIF89a\u0001\u0000"),
            _ => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10],
        };
        var id = await UploadOkAsync(content, "file." + ext);
        var file = await GetFileAsync(app.Operator(), id);
        file.Type.Should().Be(type);
        file.Body.Should().Equal(content);
        (await GetFileAsync(app.Operator(), await UploadOkAsync(content, "noextension"))).Disposition
            .Should().Contain("noextension.");
    }

    [Theory]
    [InlineData("report.pdf", "exe", "不支持的文件类型")]
    [InlineData("setup.exe", "exe", "不支持的文件类型")]
    [InlineData("report.pdf", "text", "文件内容与扩展名不符")]
    [InlineData("page.html", "text", "文件内容与扩展名不符")]
    [InlineData("image.png", "pdf", "文件内容与扩展名不符")]
    [InlineData("archive.docx", "zip", "不支持的文件类型")]
    [InlineData("broken.docx", "badzip", "不支持的文件类型")]
    [InlineData("latin1.txt", "latin1", "不支持的文件类型")]
    [InlineData("empty.txt", "empty", "文件为空")]
    public async Task Content_that_is_not_an_allowed_kind_or_does_not_fit_its_name_is_refused(string name,
        string content, string message)
    {
        var bytes = content switch
        {
            "exe" => Exe,
            "text" => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
            "pdf" => Pdf,
            "zip" => Zip("a.txt"),
            "badzip" => [(byte)'P', (byte)'K', 3, 4, 1, 2, 3],
            "latin1" => [0x63, 0x61, 0x66, 0xE9, 0x0A],
            _ => [],
        };
        var before = StoredFiles().Count;
        var r = await UploadAsync(app.Operator(), bytes, name, ("title", "t"));
        (r.Status, r.Code).Should().Be((false, "invalid_argument"), r.Raw);
        r.Body["errors"]!["file"]![0]!.GetValue<string>().Should().StartWith(message);
        StoredFiles().Should().HaveCount(before, "a refused file is not stored");
    }

    private List<string> StoredFiles()
    {
        var folder = Path.Combine(app.Factory.DataFolder, "documents");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToList() : [];
    }

    [Theory]
    [InlineData("../../../../tmp/kboss-escape.txt", "kboss-escape.txt")]
    [InlineData("..\\..\\..\\kboss-escape.txt", "kboss-escape.txt")]
    [InlineData("/etc/kboss-escape.txt", "kboss-escape.txt")]
    [InlineData("C:\\Windows\\kboss-escape.txt", "kboss-escape.txt")]
    [InlineData("..", "document.txt")]
    [InlineData("a\u0000b.txt", null)]
    [InlineData("evil\".txt", null)]
    [InlineData("x;filename=y.txt", "xfilename=y.txt")]
    [InlineData("名字/../../x.txt", "x.txt")]
    [InlineData("名字\u0000.txt", "名字.txt")]
    public async Task Client_file_names_never_become_paths(string fileName, string? kept)
    {
        var outside = Path.Combine(Path.GetTempPath(), "kboss-escape.txt");
        var r = await UploadAsync(app.Operator(), Encoding.UTF8.GetBytes("hello"), fileName, ("title", "t"));
        if (kept is null) // a header the multipart reader can't parse: no file part at all
        {
            (r.Status, r.Code).Should().Be((false, "invalid_argument"), r.Raw);
            return;
        }
        r.Status.Should().BeTrue(r.Raw);
        var id = r.Data!["id"]!.GetValue<string>();
        var row = await RowAsync(id);
        row["file_name"]!.GetValue<string>().Should().Be(kept);
        File.Exists(outside).Should().BeFalse();
        File.Exists("/etc/kboss-escape.txt").Should().BeFalse();
        StoredFiles().Select(Path.GetFileName).Should().OnlyContain(f => System.Text.RegularExpressions.Regex
            .IsMatch(f!, "^[0-9a-f]{32}\\.[a-z0-9]+$"));
        (await GetFileAsync(app.Operator(), id)).Body.Should().Equal(Encoding.UTF8.GetBytes("hello"));
    }

    [Theory]
    [InlineData("../../kboss.db")]
    [InlineData("..\\..\\kboss.db")]
    [InlineData("/etc/passwd")]
    [InlineData("documents/../kboss.db")]
    [InlineData("a\u0000b")]
    [InlineData("%2e%2e%2fkboss.db")]
    public async Task Ids_never_reach_the_file_system(string id)
    {
        var download = await Response.ReadAsync(await app.Admin().Http.GetAsync(
            $"{Download}?id={Uri.EscapeDataString(id)}"));
        download.Http.Should().Be(200);
        download.Status.Should().BeFalse();
        download.Code.Should().BeOneOf("not_found", "invalid_argument");
        var upload = await UploadAsync(app.Operator(), Pdf, "a.pdf", ("title", "t"), ("id", id));
        (upload.Status, upload.Code).Should().Be((false, "invalid_argument"));
        var update = await app.Admin().PostAsync(Update, ("id", id), ("title", "x"));
        update.Status.Should().BeFalse();
        update.Code.Should().BeOneOf("not_found", "invalid_argument");
    }

    [Fact]
    public async Task Update_documented_messages_delete_and_org_scope()
    {
        var id = await UploadOkAsync(Pdf, "a.pdf");
        var bad = await app.Operator().PostAsync(Update, ("id", id), ("status", "2"));
        (bad.Status, bad.Code).Should().Be((false, "invalid_argument"));
        bad.Body["errors"]!["status"]![0]!.GetValue<string>().Should().Be("status只能为0或1");
        (await app.Operator().PostAsync(Update, ("id", id), ("del_flg", "x"))).Code.Should().Be("invalid_argument");
        (await app.Operator().PostAsync(Update, ("id", id), ("kind", "abc"))).Code.Should().Be("invalid_argument");
        (await app.Operator().PostAsync(Update)).Code.Should().Be("invalid_argument");
        var missing = await app.Operator().PostAsync(Update, ("id", "no-such-doc"));
        (missing.Status, missing.Msg, missing.Code).Should().Be((false, "文档不存在", "not_found"));

        (await app.OtherOperator().PostAsync(Update, ("id", id), ("status", "1"))).Http.Should().Be(403);
        (await app.Customer().PostAsync(Update, ("id", id), ("status", "1"))).Http.Should().Be(403);
        (await app.Anonymous().PostAsync(Update, ("id", id), ("status", "1"))).Http.Should().Be(401);
        Ids(await app.OtherOperator().PostAsync(List)).Should().NotContain(id); // hidden, another org
        (await Response.ReadAsync(await app.OtherOperator().Http.GetAsync($"{Download}?id={id}"))).Msg
            .Should().Be("文档不存在");
        (await GetFileAsync(app.Admin(), id)).Body.Should().Equal(Pdf);

        var json = await app.Operator().PostJsonAsync(Update, new
        {
            id, user_name = "韩明", file_type = "amet", title = "新标题", status = 1, del_flag = 0,
        });
        json.Status.Should().BeTrue(json.Raw);
        json.Data!["title"]!.GetValue<string>().Should().Be("新标题");
        json.Data!["file_type"]!.GetValue<string>().Should().Be("amet");
        Ids(await app.OtherOperator().PostAsync(List)).Should().Contain(id); // shown now

        var deleted = await app.Operator().PostJsonAsync(Update, new { id, del_flag = 1 });
        (deleted.Status, deleted.Msg).Should().Be((true, "修改成功"));
        Ids(await app.Operator().PostAsync(List)).Should().NotContain(id);
        Ids(await app.Anonymous().PostAsync(List)).Should().NotContain(id);
        (await app.Operator().PostAsync(Update, ("id", id), ("status", "1"))).Msg.Should().Be("文档不存在");
        (await Response.ReadAsync(await app.Anonymous().Http.GetAsync($"{Download}?id={id}"))).Msg
            .Should().Be("文档不存在");
    }

    [Fact]
    public async Task Upload_documented_messages_rights_and_json_records()
    {
        var record = await app.Operator().PostJsonAsync(Upload, new
        {
            user_name = "韩明", file_type = "amet velit officia", title = "手传特拉", file_path = "dolore do deserunt a",
        });
        record.Status.Should().BeTrue(record.Raw);
        var id = record.Data!["id"]!.GetValue<string>();
        id.Should().HaveLength(21);
        var row = await RowAsync(id);
        row["file_path"]!.GetValue<string>().Should().Be("dolore do deserunt a"); // data, never opened
        var noFile = await Response.ReadAsync(await app.Operator().Http.GetAsync($"{Download}?id={id}"));
        (noFile.Status, noFile.Msg).Should().Be((false, "该文档没有上传文件"));

        var chosen = "dE1we7zWMxfyBmofrDmuy";
        (await app.Operator().PostAsync(Upload, ("id", chosen), ("title", "t"), ("content", "正文"))).Status
            .Should().BeTrue();
        var taken = await app.Operator().PostAsync(Upload, ("id", chosen), ("title", "t"), ("content", "正文"));
        (taken.Status, taken.Msg, taken.Code).Should().Be((false, "文档ID已存在", "conflict"));
        var noTitle = await app.Operator().PostAsync(Upload, ("file_path", "x"));
        noTitle.Body["errors"]!["title"].Should().NotBeNull();
        var nothing = await app.Operator().PostAsync(Upload, ("title", "t"));
        nothing.Body["errors"]!["file_path"]![0]!.GetValue<string>().Should().Be("请上传文件或提供 file_path / content");
        var two = new MultipartFormDataContent { { new StringContent("t"), "title" },
            { new ByteArrayContent(Pdf), "file", "a.pdf" }, { new ByteArrayContent(Pdf), "other", "b.pdf" } };
        (await Response.ReadAsync(await app.Operator().Http.PostAsync(Upload, two))).Code
            .Should().Be("invalid_argument");

        (await UploadAsync(app.Customer(), Pdf, "a.pdf", ("title", "t"))).Http.Should().Be(403);
        (await UploadAsync(app.Anonymous(), Pdf, "a.pdf", ("title", "t"))).Http.Should().Be(401);
        var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
            Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var r = await Response.ReadAsync(await app.Operator().Http.PostAsync(Upload, broken));
        (r.Http, r.Code).Should().Be((200, "invalid_argument"));
    }

    [Fact]
    public async Task Bad_input_on_every_endpoint_is_never_a_500()
    {
        string[] values = ["", " ", "../../kboss.db", "..\\x", "/etc/passwd", new string('x', 30_000), "[1,", "{}",
            "a\u0000b", "-1", "99999999999999999999", "1.5", "𝄞", "<script>"];
        string[] names = ["id", "user_name", "file_type", "title", "file_path", "status", "del_flg", "del_flag", "kind",
            "content", "doc_type", "body"];
        foreach (var path in new[] { Upload, List, Update, Download, "/zabbix/health.dspy" })
            foreach (var v in values)
            {
                var r = await app.Operator().PostAsync(path, names.Select(n => (n, (string?)v)).ToArray());
                r.Http.Should().BeOneOf([200, 403, 404], $"{path} {v}");
                if (!r.Status) r.Code.Should().NotBe("internal");
                var j = await app.Operator().PostJsonAsync(path, new { id = new[] { 1 }, status = new { }, kind = v });
                j.Http.Should().BeOneOf([200, 403, 404], path);
            }
    }

    [Fact]
    public async Task Parallel_uploads_with_one_id_create_one_document()
    {
        var id = "race" + Guid.NewGuid().ToString("N")[..12];
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? app.Operator().PostAsync(Upload, ("id", id), ("title", "t"), ("content", "c"))
            : UploadAsync(app.Admin(), Pdf, "a.pdf", ("id", id), ("title", "t"))));
        answers.Should().OnlyContain(a => a.Http == 200);
        answers.Count(a => a.Status).Should().Be(1);
        answers.Where(a => !a.Status).Should().OnlyContain(a => a.Msg == "文档ID已存在" && a.Code == "conflict");
        var winner = (await app.Admin().PostAsync(List)).Data!.AsArray()
            .Count(d => d!["id"]!.GetValue<string>() == id);
        winner.Should().Be(1);
    }

    [Fact]
    public async Task Health_probe_answers_ok()
    {
        var get = await app.Anonymous().GetAsync("/zabbix/health.dspy");
        (get.Http, get.Status, get.Msg).Should().Be((200, true, "ok"));
        var post = await app.Anonymous().PostJsonAsync("/zabbix/health.dspy", new { id = "x", title = "y" });
        (post.Http, post.Status).Should().Be((200, true));
    }
}

/// <summary>
/// The upload's own body limit on the real Kestrel (ADR 0027): bodies over the global 4 MB pass on the upload endpoint
/// up to <c>Documents:MaxUploadBytes</c>; beyond, the envelope (handler: <c>文件过大</c>; server: 413).
/// </summary>
public sealed class DocumentUploadLimitTests : IAsyncLifetime
{
    private const long Cap = 6 * 1024 * 1024;
    private readonly KbossFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["Documents:MaxUploadBytes"] = Cap.ToString(),
    });
    private Api _operator = null!;
    private string _token = "";
    private int _port;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        _port = new Uri(address).Port;
        Api Client() => new(new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) });
        var admin = Client().WithToken(await Client().LoginAsync("admin", KbossFactory.AdminPassword));
        (await admin.PostAsync("/user/add_user.dspy", ("username", "docop"), ("password", AppFixture.Password),
            ("roles", "operator"), ("orgid", Kboss.Infrastructure.Seeding.DemoData.OrgId))).Status.Should().BeTrue();
        _token = await Client().LoginAsync("docop", AppFixture.Password);
        _operator = Client().WithToken(_token);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Declares a body of <paramref name="length"/> bytes without sending it; the answer comes before the body
    /// is read (raw TCP: an HTTP client would fail writing the body the server refused).</summary>
    private async Task<string> DeclaredBodyAsync(string path, long length)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {_token}\r\n" +
                   $"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[8192];
        var read = await reader.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return new string(buffer, 0, read);
    }

    private static byte[] PdfOf(long size)
    {
        var bytes = new byte[size];
        DocumentTests.Pdf.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task Upload_has_its_own_configured_limit_and_other_endpoints_keep_the_global_one()
    {
        var five = await DocumentTests.UploadAsync(_operator, PdfOf(5 * 1024 * 1024), "big.pdf", ("title", "大文件"));
        five.Status.Should().BeTrue(five.Raw);

        var over = await DocumentTests.UploadAsync(_operator, PdfOf(Cap + 1000), "big.pdf", ("title", "t"));
        (over.Http, over.Code).Should().Be((200, "invalid_argument"));
        over.Body["errors"]!["file"]![0]!.GetValue<string>().Should().Be("文件过大,不能超过 6 MB");

        var far = await DeclaredBodyAsync("/doc/upload_doc.dspy", Cap + 200 * 1024);
        far.Should().StartWith("HTTP/1.1 413").And.Contain("\"code\":\"payload_too_large\"")
            .And.Contain("请求体过大,不能超过 6 MB");
        var elsewhere = await DeclaredBodyAsync("/doc/update_doc.dspy", 5 * 1024 * 1024);
        elsewhere.Should().StartWith("HTTP/1.1 413").And.Contain("请求体过大,不能超过 4 MB");
    }
}
