using Microsoft.Data.Sqlite;

namespace MailMerge;

/// <summary>A person of the mailing list.</summary>
internal sealed record Person(string Email, string Salutation, int Discount);

/// <summary>The mailing list: an SQLite file created and filled on first run.</summary>
internal static class PeopleDatabase
{
    private static readonly Person[] FirstPeople =
    [
        new("jennifer.marlowe@wkrp.com", "Ms. Marlowe", 50),
        new("andy.travis@wkrp.com", "Mr. Travis", 40),
        new("venus.flytrap@wkrp.com", "Dr. Flytrap", 30),
        new("les.nessman@wkrp.com", "Mr. Nessman", 25),
        new("bailey.quarters@wkrp.com", "Ms. Quarters", 35),
        new("johnny.caravella@wkrp.com", "Dr. Fever", 20),
        new("arthur.carlson@wkrp.com", "Mr. Carlson", 10),
        new("mama.carlson@wkrp.com", "Mrs. Carlson", 15),
    ];

    /// <summary>Opens the database at <paramref name="path"/>, creating and filling it when it does not exist yet.</summary>
    public static IReadOnlyList<Person> Load(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS people (email TEXT PRIMARY KEY, salutation TEXT NOT NULL, discount INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM people";
            if ((long)count.ExecuteScalar()! == 0)
            {
                Fill(connection);
            }
        }

        var people = new List<Person>();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT email, salutation, discount FROM people ORDER BY rowid";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            people.Add(new Person(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return people;
    }

    private static void Fill(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO people (email, salutation, discount) VALUES ($email, $salutation, $discount)";
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var salutation = insert.Parameters.Add("$salutation", SqliteType.Text);
        var discount = insert.Parameters.Add("$discount", SqliteType.Integer);
        foreach (var person in FirstPeople)
        {
            email.Value = person.Email;
            salutation.Value = person.Salutation;
            discount.Value = person.Discount;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
