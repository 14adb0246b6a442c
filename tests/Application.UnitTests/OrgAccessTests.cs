using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace Kboss.Application.UnitTests;

/// <summary>The org-scope rules that do not need the database (own org, admin, anonymous).</summary>
public sealed class OrgAccessTests
{
    private static OrgAccess Access(bool authenticated, string? org, string[] roles, bool allowOverride = false)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.IsAuthenticated).Returns(authenticated);
        user.SetupGet(u => u.OrgId).Returns(org);
        user.Setup(u => u.IsInRole(It.IsAny<string>())).Returns((string r) => roles.Contains(r));
        var settings = new Mock<IPlatformSettings>();
        settings.SetupGet(s => s.AllowAnonymousOrgOverride).Returns(allowOverride);
        return new OrgAccess(Mock.Of<IKbossDbContext>(MockBehavior.Strict), user.Object, settings.Object);
    }

    [Fact]
    public async Task Absent_orgid_defaults_to_the_callers_org() =>
        (await Access(true, "org-a", [Roles.Customer]).ResolveAsync(null, default)).Should().Be("org-a");

    [Fact]
    public async Task Own_org_is_allowed_without_a_lookup() =>
        (await Access(true, "org-a", [Roles.Customer]).ResolveAsync(" org-a ", default)).Should().Be("org-a");

    [Fact]
    public async Task Admin_may_name_any_org() =>
        (await Access(true, "org-a", [Roles.Admin]).ResolveAsync("org-z", default)).Should().Be("org-z");

    [Fact]
    public async Task A_customer_naming_another_org_is_forbidden() =>
        await FluentActions.Awaiting(() => Access(true, "org-a", [Roles.Customer]).ResolveAsync("org-z", default).AsTask())
            .Should().ThrowAsync<ForbiddenException>();

    [Fact]
    public async Task Anonymous_callers_must_log_in_unless_the_debug_override_is_on()
    {
        await FluentActions.Awaiting(() => Access(false, null, []).ResolveAsync(null, default).AsTask()).Should().ThrowAsync<UnauthenticatedException>();
        await FluentActions.Awaiting(() => Access(false, null, []).ResolveAsync("org-z", default).AsTask()).Should().ThrowAsync<UnauthenticatedException>();
        (await Access(false, null, [], allowOverride: true).ResolveAsync("org-z", default)).Should().Be("org-z");
    }
    [Fact]
    public async Task The_scope_of_an_admin_is_every_org_of_a_customer_its_own_and_of_an_anonymous_caller_none()
    {
        (await Access(true, "org-a", [Roles.Admin]).ScopeAsync(default)).Should().BeNull();
        (await Access(true, "org-a", [Roles.Customer]).ScopeAsync(default)).Should().Equal("org-a");
        (await Access(true, "org-a", [Roles.Sales]).ScopeAsync(default)).Should().Equal("org-a");
        (await Access(false, null, []).ScopeAsync(default)).Should().BeEmpty();
    }
}
