using AidMarket.Domain.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace AidMarket.Web.Ledger;

/// <summary>
/// Writes journal entries (and settlement records) with binary COPY on the context's connection, inside its open transaction.
/// One round trip per table however many entries: settlement batches write thousands of postings, which row-by-row inserts
/// would spend most of their time on. The database's ledger triggers (decision note 012) run for COPY as for INSERT: entries
/// still must balance at commit, and a duplicate source key still fails the whole transaction.
/// </summary>
public static class LedgerWriter
{
    public static Task CopyAsync(AidMarketDbContext db, IReadOnlyList<JournalEntry> entries, IReadOnlyList<SettlementRecord> settlements, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            if (transaction is null) throw new InvalidOperationException("Ledger entries are copied inside the caller's transaction.");
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY journal_entries (id, kind, source_key, occurred_at, memo) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var e in entries)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(e.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(e.SourceKey, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct);
                    await WriteNullableAsync(copy, e.Memo, NpgsqlDbType.Varchar, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY postings (entry_id, account, amount_fen, supplier_id, product_id, covered_household_id, memo) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var e in entries)
                    foreach (var p in e.Postings)
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                        await copy.WriteAsync(p.Account.ToString(), NpgsqlDbType.Varchar, ct);
                        await copy.WriteAsync(p.Amount.Fen, NpgsqlDbType.Bigint, ct);
                        await WriteNullableAsync(copy, p.SupplierId, NpgsqlDbType.Uuid, ct);
                        await WriteNullableAsync(copy, p.ProductId, NpgsqlDbType.Uuid, ct);
                        await WriteNullableAsync(copy, p.CoveredHouseholdId, NpgsqlDbType.Uuid, ct);
                        await WriteNullableAsync(copy, p.Memo, NpgsqlDbType.Varchar, ct);
                    }
                await copy.CompleteAsync(ct);
            }
            if (settlements.Count == 0) return 0;
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY settlements (supplier_order_id, journal_entry_id, total_fen, fee_fen, household_fen, supplier_fen, settled_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var s in settlements)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(s.SupplierOrderId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(s.JournalEntryId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(s.Total.Fen, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(s.Fee.Fen, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(s.HouseholdShare.Fen, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(s.SupplierPart.Fen, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(s.SettledAt, NpgsqlDbType.TimestampTz, ct);
                }
                await copy.CompleteAsync(ct);
            }
            return 0;
        }, ct);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);
}
