namespace Kboss.Application.Common.Interfaces;

/// <summary>Facts about the current HTTP request that some use cases record (browse history).</summary>
public interface IRequestContext
{
    /// <summary>Client IP address, or empty.</summary>
    string ClientIp { get; }
    /// <summary>User-Agent header, or empty.</summary>
    string UserAgent { get; }
}
