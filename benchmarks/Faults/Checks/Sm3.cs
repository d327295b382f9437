using Org.BouncyCastle.Crypto.Digests;

namespace TrustLedger.Faults.Checks;

/// <summary>SM3, and the RFC 9162 tree steps over it, as the checks compute them on their own.</summary>
public static class Sm3
{
    public static byte[] Hash(params byte[][] parts)
    {
        var digest = new SM3Digest();
        foreach (var part in parts)
        {
            digest.BlockUpdate(part, 0, part.Length);
        }

        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] Node(byte[] left, byte[] right) => Hash([0x01], left, right);

    /// <summary>The root an RFC 9162 inclusion proof leads to (section 2.1.3.2), or null when it is malformed.</summary>
    public static byte[]? RootOf(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> path)
    {
        if (index < 0 || index >= size)
        {
            return null;
        }

        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }
}
