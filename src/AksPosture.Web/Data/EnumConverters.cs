using AksPosture.Engine.Rules;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AksPosture.Web.Data;

/// <summary>Stores an enum as its lower-case name (<c>succeeded</c>, <c>open</c>, <c>high</c>).</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;

/// <summary>Stores a pillar as the camelCase key the API uses (<c>costOptimization</c>).</summary>
public sealed class PillarConverter() : ValueConverter<Pillar, string>(
    value => value.Key(),
    text => PillarNames.FromKey(text)!.Value);

/// <summary>Stores a status as its report code (PASS, FAIL, WARN, NA, MANUAL, ERROR).</summary>
public sealed class RuleStatusConverter() : ValueConverter<RuleStatus, string>(
    value => value.Code(),
    text => RuleStatusNames.FromCode(text)!.Value);
