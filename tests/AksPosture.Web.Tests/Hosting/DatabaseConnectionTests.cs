using AksPosture.Web.Hosting;
using Npgsql;

namespace AksPosture.Web.Tests.Hosting;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void WithoutJit_NoOptions_TurnsJitOffAndKeepsTheRest()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithoutJit("Host=db;Database=posture;Username=app"));

        Assert.Equal("-c jit=off", result.Options);
        Assert.Equal(("db", "posture", "app"), (result.Host, result.Database, result.Username));
    }

    [Fact]
    public void WithoutJit_OtherOptions_AddsJitOffAfterThem()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithoutJit("Host=db;Options=-c statement_timeout=30s"));

        Assert.Equal("-c statement_timeout=30s -c jit=off", result.Options);
    }

    [Fact]
    public void WithoutJit_JitAlreadySet_LeavesTheOperatorsChoice()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithoutJit("Host=db;Options=-c jit=on"));

        Assert.Equal("-c jit=on", result.Options);
    }
}
