namespace OrleansStreams.Silo.Storage;

/// <summary>What start-up recovery found: key journals read, keys restored, damaged journals skipped.</summary>
public sealed record RecoveryReport(int Journals, int Keys, int DamagedJournals, long LastGeneration, TimeSpan Elapsed);
