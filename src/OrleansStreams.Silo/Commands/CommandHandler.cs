namespace OrleansStreams.Silo.Commands;

/// <summary>Runs one command: check arguments, parse, call the grain, write the reply. Arity is checked before.</summary>
public delegate ValueTask CommandHandler(CommandContext context);
