using AksPosture.Web.Features.Governance;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AksPosture.Web.Data;

/// <summary>Stores an enum as its camelCase key (<c>riskAccepted</c>), the word the API uses.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.Key(),
    text => EnumKeys.Parse<TEnum>(text)!.Value)
    where TEnum : struct, Enum;
