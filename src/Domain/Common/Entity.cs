namespace Kboss.Domain.Common;

/// <summary>
/// Base of every persisted entity: a 21-character nanoid <see cref="Id"/> plus the
/// <c>create_at</c> / <c>update_time</c> stamps, which an EF Core interceptor sets (UTC), never a handler.
/// </summary>
public abstract class Entity
{
    /// <summary>21-character nanoid over <c>A-Za-z0-9_-</c> (see <see cref="NanoId"/>).</summary>
    public string Id { get; set; } = NanoId.New();

    /// <summary>Creation instant, UTC.</summary>
    public DateTime CreateAt { get; set; }

    /// <summary>Last modification instant, UTC.</summary>
    public DateTime UpdateTime { get; set; }
}

/// <summary>
/// Entity deleted softly: <c>del_flg</c> is <c>"0"</c> while alive and <c>"1"</c> once deleted; deleted rows
/// disappear from every read through a global query filter (ARCHITECTURE.md §2).
/// </summary>
public interface ISoftDeletable
{
    /// <summary><c>"0"</c> alive, <c>"1"</c> deleted.</summary>
    string DelFlg { get; set; }
}

/// <summary>The soft-delete transition every <see cref="ISoftDeletable"/> shares.</summary>
public static class SoftDeletableExtensions
{
    /// <summary>Marks <paramref name="row"/> deleted (<c>del_flg = "1"</c>).</summary>
    public static void MarkDeleted(this ISoftDeletable row) => row.DelFlg = DelFlag.Deleted;
}

/// <summary>Values of <see cref="ISoftDeletable.DelFlg"/>.</summary>
public static class DelFlag
{
    /// <summary>Row is alive.</summary>
    public const string Alive = "0";
    /// <summary>Row is deleted.</summary>
    public const string Deleted = "1";
}
