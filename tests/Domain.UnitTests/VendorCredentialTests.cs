using Kboss.Domain.Common;
using Kboss.Domain.Vendors;

namespace Kboss.Domain.UnitTests;

public sealed class VendorCredentialTests
{
    [Fact]
    public void A_new_key_needs_an_id_and_a_secret_and_an_update_may_keep_the_secret()
    {
        var c = new VendorCredential { OrgId = "org", Vendor = VendorCodes.CapitalOnline };
        c.Set("", "p", null, "u").Failure!.Param.Should().Be("access_key_id");
        c.Set("id", null, null, "u").Failure!.Param.Should().Be("access_key_secret");
        c.Set(" id ", "protected", "http://x/ ", "u").Ok.Should().BeTrue();
        c.AccessKeyId.Should().Be("id");
        c.Endpoint.Should().Be("http://x");
        c.Set("id2", null, "", "u").Ok.Should().BeTrue();
        c.SecretProtected.Should().Be("protected");
        c.Endpoint.Should().BeNull();
    }
}
