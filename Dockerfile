# Container image of the AksPosture portal. deploy/compose.yaml runs it next to PostgreSQL.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is cached until a dependency changes.
COPY global.json .editorconfig Directory.Build.props Directory.Packages.props AksPosture.sln ./
COPY src/AksPosture.Engine/AksPosture.Engine.csproj src/AksPosture.Engine/
COPY src/AksPosture.Web/AksPosture.Web.csproj src/AksPosture.Web/
COPY src/AksPosture.Cli/AksPosture.Cli.csproj src/AksPosture.Cli/
# The portal's projects only: the solution also lists test projects not copied here.
RUN dotnet restore src/AksPosture.Web/AksPosture.Web.csproj
COPY src/ src/
RUN dotnet publish src/AksPosture.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Non-root: the .NET 8+ images define APP_UID (the 'app' user).
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "AksPosture.Web.dll"]
