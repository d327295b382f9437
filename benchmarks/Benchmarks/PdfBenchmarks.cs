using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TrustLedger.CertService.Documents;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.CertService.Types;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Benchmarks;

/// <summary>Rendering one certificate PDF, unsealed and sealed with an SM2 seal (the document stage's cost per certificate).</summary>
public class PdfBenchmarks
{
    private JsonElement _certificate;
    private CertificateTypeRecord _type = null!;
    private ActiveSeal _seal = null!;

    [GlobalSetup]
    public void Setup()
    {
        DocumentFonts.Install(new DocumentOptions());
        var type = ShippedTypes.Load().Single(t => t.Code == "11100000000013338W001");
        _type = new CertificateTypeRecord
        {
            Code = type.Code, Version = type.Version, NameZh = type.NameZh, NameEn = type.NameEn, AuthorityCode = type.Authority.Code, AuthorityName = type.Authority.Name,
            Family = type.Family, HolderCodeType = type.HolderCodeType, RequiresValidUntil = type.RequiresValidUntil, FieldsSchema = type.FieldsSchema.GetRawText(), CreatedBy = "benchmark",
        };
        var sample = ShippedTypes.Samples()[type.Code];
        using var document = JsonDocument.Parse($$"""
            {"identifier":"1.2.156.3005.2.11100000000013338W001.11610100MB29570176.202600000001.001.0","name":"营业执照",
             "issuer":{"code":"11610100MB29570176","name":"西安市市场监督管理局"},"holder":{{sample.GetProperty("holder").GetRawText()}},
             "fields":{{sample.GetProperty("fields").GetRawText()}},"divisionCode":"610113","validFrom":"2026-11-28","issuedAt":"2026-11-28T08:00:00Z"}
            """);
        _certificate = document.RootElement.Clone();
        var key = SealKeyPair.Generate(SealKeyPair.Sm2Sm3);
        var now = DateTimeOffset.UtcNow;
        _seal = new ActiveSeal("XA-BENCH-0001", key, SealCertificate.Create(key, "XA-BENCH-0001", "11610100MB29570176", now.AddDays(-1), now.AddYears(1)));
    }

    [Benchmark]
    public byte[] RenderUnsealed() => CertificatePdf.Render(_certificate, _type, "http://127.0.0.1:5090/v/x?h=0123456789abcdef");

    [Benchmark]
    public byte[] RenderSealed() => CertificatePdf.Render(_certificate, _type, "http://127.0.0.1:5090/v/x?h=0123456789abcdef", new SealSigner(_seal, "certificate:bench", DateTimeOffset.UtcNow));
}
