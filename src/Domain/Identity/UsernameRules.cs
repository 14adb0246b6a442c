using System.Globalization;
using System.Text;

namespace Kboss.Domain.Identity;

/// <summary>
/// Login names (ADR 0018): two names are the same user when their <see cref="Normalize">normal forms</see> are equal
/// (Unicode NFKC, then lower case: <c>admin</c>, <c>ADMIN</c> and <c>ａｄｍｉｎ</c> are one user). Names with
/// invisible or direction-changing characters are refused at creation (<see cref="FindForbidden"/>).
/// </summary>
public static class UsernameRules
{
    /// <summary>Why a name was refused for containing an invisible or control character.</summary>
    public const string ForbiddenMessage = "username 不能包含零宽字符、双向控制字符或其他控制字符";

    /// <summary>NFKC, invariant lower case, NFKC again (lower-casing can leave a string unnormalised); null when
    /// the text is not valid Unicode (a lone surrogate).</summary>
    public static string? Normalize(string name)
    {
        try
        {
            var compatible = name.Trim().Normalize(NormalizationForm.FormKC);
            return compatible.ToLowerInvariant().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The first character of <paramref name="name"/> that a login name must not contain: controls (Cc), format
    /// characters (Cf: zero-width space/joiners, BOM, soft hyphen, bidi marks, embeddings, overrides and isolates),
    /// other invisible default-ignorables (U+034F, Hangul fillers, variation selectors), surrogates, private-use and
    /// unassigned code points; null when there is none.
    /// </summary>
    public static string? FindForbidden(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || IsInvisibleLetterOrMark(CodePoint(name, i)))
                return $"U+{CodePoint(name, i):X4}";
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) i++;
        }
        return null;
    }

    /// <summary>
    /// Default-ignorable code points outside Cf that render as nothing (Unicode's Default_Ignorable_Code_Point): the
    /// combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and other variation selectors; and
    /// the blank Braille pattern.
    /// </summary>
    private static bool IsInvisibleLetterOrMark(int c) => c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or 0x2800 or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0
        or (>= 0xE0100 and <= 0xE01EF);

    private static int CodePoint(string s, int i) => char.IsSurrogatePair(s, i) ? char.ConvertToUtf32(s, i) : s[i];
}
