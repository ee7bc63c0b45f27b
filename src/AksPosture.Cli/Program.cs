using AksPosture.Cli.Commands;

return CommandRouter.Run(args, Console.Out, Console.Error);
