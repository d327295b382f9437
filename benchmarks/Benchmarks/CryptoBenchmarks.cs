using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Benchmarks;

/// <summary>SM2 signatures as seals and receipts make them (libcrypto), and the BouncyCastle reference, over a 32-byte message.</summary>
[MemoryDiagnoser]
public class Sm2Benchmarks
{
    private readonly Sm2KeyPair _key = Sm2KeyPair.Generate();
    private readonly byte[] _message = RandomNumberGenerator.GetBytes(32);
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup() => _signature = Sm2Signature.Sign(_key.PrivateKey, _message);

    [Benchmark]
    public byte[] Sm2Sign() => Sm2Signature.Sign(_key.PrivateKey, _message);

    [Benchmark]
    public bool Sm2Verify() => Sm2Signature.Verify(_key.PublicKey, _message, _signature);

    [Benchmark]
    public byte[] Sm2SignBouncyCastle() => BouncyCastleSm2.Sign(_key.PrivateKey, _message, Sm2Signature.DefaultUserId);

    [Benchmark]
    public bool Sm2VerifyBouncyCastle() => BouncyCastleSm2.Verify(_key.PublicKey, _message, _signature, Sm2Signature.DefaultUserId);
}

/// <summary>SM3 (ours: libcrypto; and the BouncyCastle reference) and SHA-256 (.NET, the platform's) over small, page and large inputs.</summary>
public class HashBenchmarks
{
    private byte[] _data = [];
    private readonly byte[] _digest = new byte[32];

    [Params(256, 4096, 8192, 1 << 20)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => _data = RandomNumberGenerator.GetBytes(Size);

    [Benchmark]
    public void Sm3() => Sm3HashFunction.Instance.Hash(_data, _digest);

    [Benchmark]
    public void Sm3BouncyCastle() => Sm3HashFunction.Reference(_data, _digest);

    [Benchmark]
    public void Sha256() => SHA256.HashData(_data, _digest);
}

/// <summary>The AEADs that encrypt certificates at rest, over a 4 KiB payload (a certificate's canonical JSON is 1–3 KiB).</summary>
public class AeadBenchmarks
{
    private readonly byte[] _key16 = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _key32 = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _nonce = RandomNumberGenerator.GetBytes(12);
    private readonly byte[] _payload = RandomNumberGenerator.GetBytes(4096);
    private IAeadCipher _sm4 = null!;
    private IAeadCipher _aes = null!;

    [GlobalSetup]
    public void Setup()
    {
        AeadCiphers.TryByName("SM4-GCM", out _sm4);
        AeadCiphers.TryByName("AES-256-GCM", out _aes);
    }

    [Benchmark]
    public byte[] Sm4GcmEncrypt4KiB() => _sm4.Encrypt(_key16, _nonce, _payload, []);

    [Benchmark]
    public byte[] Aes256GcmEncrypt4KiB() => _aes.Encrypt(_key32, _nonce, _payload, []);
}
