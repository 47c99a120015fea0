using TypedMail;

public interface IConfigurationSection { void Bind(object target); }

public static class Configuration
{
    public static SmtpSettings Create(IConfigurationSection section)
    {
        var settings = new SmtpSettings { Port = 587, Mode = SessionMode.RequireStartTls };
        section.Bind(settings);
        return settings;
    }
}
