using System.Buffers;
using System.Text;

namespace TrustLedger.Ledger.Canonical;

/// <summary>Whether text is well-formed Unicode: every surrogate in a pair, so it has one UTF-8 form to hash.</summary>
public static class UnicodeText
{
    public static bool IsWellFormed(string? text)
    {
        if (text is null)
        {
            return true;
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }
}
