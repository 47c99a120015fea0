using System;
using TypedMail.Outbox.PostgreSql;

namespace TypedMail.Outbox;

/// <summary>Chooses the PostgreSQL store in <c>AddTypedMailOutbox(o => o.UsePostgreSql(...))</c>.</summary>
public static class PostgreSqlOutboxOptionsExtensions
{
    /// <summary>
    /// Keeps the outbox in PostgreSQL (tables created on first use): any number of worker processes on any number of
    /// machines share the queue, and <c>EnqueueAsync(message, transaction)</c> takes an <c>NpgsqlTransaction</c>.
    /// </summary>
    /// <param name="options">The outbox options.</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=shop;Username=shop</c> (the password from secrets, not the source).</param>
    public static OutboxOptions UsePostgreSql(this OutboxOptions options, string connectionString)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The outbox needs a PostgreSQL connection string, e.g. \"Host=localhost;Database=shop;Username=shop\".", nameof(connectionString));
        }

        return options.UseStore(_ => new PostgreSqlOutboxStore(connectionString));
    }
}
