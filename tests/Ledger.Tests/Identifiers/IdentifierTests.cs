using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TrustLedger.Ledger.Identifiers;

namespace TrustLedger.Tests.Ledger.Identifiers;

public class IdentifierTests
{
    [Theory]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")]
    public void The_published_real_identifier_parses_and_its_check_character_matches(string text)
    {
        Assert.True(CertificateIdentifier.TryParse(text, out var identifier));
        Assert.Equal(text, identifier!.ToString());
        Assert.Equal("11100000000013338W011", identifier.TypeCode);
        Assert.Equal("20230000403", identifier.Serial);
    }

    [Theory]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V", "wrong check character")]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.01.U", "two-digit version")]
    [InlineData("1.2.156.3005.1.11100000000013338W011.11430000006122244L.20230000403.001.U", "wrong root")]
    [InlineData("", "empty")]
    public void Malformed_identifiers_are_refused(string text, string why)
    {
        Assert.False(CertificateIdentifier.TryParse(text, out _), why);
    }

    [Property(MaxTest = 300)]
    public Property Any_single_character_change_breaks_the_identifier(PositiveInt serial, NonNegativeInt position)
    {
        var identifier = CertificateIdentifier.Create("11100000000013338W001", "11610100MB29570176", serial.Get, 1).ToString();
        var payloadStart = CertificateIdentifier.RootOid.Length + 1;
        var index = payloadStart + (position.Get % (identifier.Length - payloadStart));
        var original = identifier[index];
        return Prop.When(original != '.', () =>
        {
            var replacement = original == '7' ? '8' : '7';
            var changed = identifier[..index] + replacement + identifier[(index + 1)..];
            return !CertificateIdentifier.TryParse(changed, out _);
        });
    }

    [Theory]
    [InlineData("11430000006122244L", true)]
    [InlineData("11100000000013338W", true)]
    [InlineData("11610100MB29570176", true)]
    [InlineData("11430000006122244M", false)]
    [InlineData("11430000006122244", false)]
    [InlineData("1143000000612224IL", false)]
    public void Unified_social_credit_codes_check_per_GB_32100(string code, bool valid)
    {
        Assert.Equal(valid, UnifiedSocialCreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491231002", false)]
    public void Resident_id_numbers_check_per_GB_11643(string number, bool valid)
    {
        Assert.Equal(valid, ResidentIdNumber.HasValidCheckDigit(number));
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194902300021", false)]
    [InlineData("110105209912310021", false)]
    public void Resident_id_numbers_must_encode_a_real_past_birth_date(string number, bool valid)
    {
        Assert.Equal(valid, ResidentIdNumber.TryBirthDate(number, new DateOnly(2026, 11, 28), out _));
    }

    [Theory]
    [InlineData("610100", true)]
    [InlineData("610113", true)]
    [InlineData("110105", true)]
    [InlineData("610199", false)]
    [InlineData("990100", false)]
    [InlineData("61010", false)]
    public void Division_codes_need_a_known_province_and_a_real_Xian_district(string code, bool valid)
    {
        Assert.Equal(valid, AdministrativeDivision.IsValid(code));
    }
}
