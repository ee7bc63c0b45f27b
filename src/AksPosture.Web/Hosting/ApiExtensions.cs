namespace AksPosture.Web.Hosting;

public static class ApiExtensions
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddValidation();
        return builder;
    }

    /// <summary>Unhandled errors become ProblemDetails, without stack traces outside Development.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        return app;
    }
}
