using System.Text;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>A list of notes kept as a journal: one record per note, a snapshot of all notes joined by newlines.</summary>
public sealed class NoteGrain : Grain, INoteGrain
{
    private readonly List<string> _notes = [];
    private IGrainJournal _journal = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journal = Context.GetJournal("notes");
        await _journal.RecoverAsync(
            snapshot => _notes.AddRange(Encoding.UTF8.GetString(snapshot.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            record => _notes.Add(Encoding.UTF8.GetString(record.Span)),
            cancellationToken);
    }

    public async ValueTask<int> AddAsync(string note)
    {
        _journal.Append(Encoding.UTF8.GetBytes(note));
        await _journal.CommitAsync();
        _notes.Add(note);
        return _notes.Count;
    }

    public ValueTask<string[]> GetAsync() => new([.. _notes]);

    public async ValueTask CompactAsync() => await _journal.SnapshotAsync(Encoding.UTF8.GetBytes(string.Join('\n', _notes)));
}
