namespace Kboss.Application.FloatingWidget;

/// <summary>A sales QR card (<c>get_picture</c>, <c>add_picture</c>).</summary>
/// <param name="Userid">Sales user.</param>
/// <param name="Orgid">The sales user's org.</param>
/// <param name="Picture">QR image URL or stored path, as saved (a JSON string; escape it where shown as HTML).</param>
public sealed record SalesCardView(string Userid, string Orgid, string Picture);

/// <summary>An org QR card (<c>get_opicture</c>, <c>add_opicture</c>).</summary>
/// <param name="Orgid">Org.</param>
/// <param name="Picture">QR image URL or stored path, as saved.</param>
public sealed record OrgCardView(string Orgid, string Picture);

/// <summary>联系我们 (<c>contact.dspy</c>).</summary>
/// <param name="Name">The salesperson's display name, else the platform contact's.</param>
/// <param name="Phone">Contact phone (configuration).</param>
/// <param name="Email">Contact email (configuration).</param>
/// <param name="Picture">The salesperson's QR card, else the platform org's, else null.</param>
/// <param name="Userid">The salesperson's user id, or null for the platform contact.</param>
public sealed record ContactView(string? Name, string? Phone, string? Email, string? Picture, string? Userid);
