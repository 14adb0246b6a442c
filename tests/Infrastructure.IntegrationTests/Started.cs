using Kboss.Fakes;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>An xUnit fixture holding a started fake (<c>tools/Kboss.Fakes</c> knows nothing of xUnit):
/// <c>IClassFixture&lt;Started&lt;FakeCds&gt;&gt;</c>.</summary>
public sealed class Started<T> : IAsyncLifetime where T : FakeServer, new()
{
    /// <summary>The fake, started before the first test of the class and stopped after the last.</summary>
    public T Fake { get; } = new();

    public Task InitializeAsync() => Fake.InitializeAsync();

    public Task DisposeAsync() => Fake.DisposeAsync();
}
