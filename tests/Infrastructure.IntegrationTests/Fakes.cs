namespace Kboss.Infrastructure.IntegrationTests;

// The fakes live in tools/Kboss.Fakes (also runnable on their own); these give them xunit's lifetime under the names
// the tests use.

/// <summary><see cref="Kboss.Fakes.FakeDingTalk"/> as an xunit fixture.</summary>
public sealed class FakeDingTalk : Kboss.Fakes.FakeDingTalk, IAsyncLifetime;

/// <summary><see cref="Kboss.Fakes.FakeWeChat"/> as an xunit fixture.</summary>
public sealed class FakeWeChat : Kboss.Fakes.FakeWeChat, IAsyncLifetime;

/// <summary><see cref="Kboss.Fakes.FakeAliyunSms"/> as an xunit fixture.</summary>
public sealed class FakeAliyunSms : Kboss.Fakes.FakeAliyunSms, IAsyncLifetime;
