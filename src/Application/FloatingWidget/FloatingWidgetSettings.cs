using Kboss.Domain.FloatingWidget;

namespace Kboss.Application.FloatingWidget;

/// <summary>Platform contact shown by <c>contact.dspy</c> when the caller has no salesperson (analysis §4.8).</summary>
/// <param name="Name">Contact name (<c>Floating:Contact:Name</c>).</param>
/// <param name="Phone">Phone (<c>Floating:Contact:Phone</c>).</param>
/// <param name="Email">Email (<c>Floating:Contact:Email</c>).</param>
public sealed record PlatformContact(string? Name, string? Phone, string? Email);

/// <summary>Configuration of the floating widget and SMS codes (implemented in Infrastructure from
/// configuration).</summary>
public interface IFloatingWidgetSettings
{
    /// <summary>Caps of SMS codes (<c>Sms:MaxPerMobilePerDay</c>, <c>Sms:MaxPerAddressPerDay</c>).</summary>
    SmsCodePolicy SmsPolicy { get; }
    /// <summary>The platform contact.</summary>
    PlatformContact Contact { get; }
}
