// readme:program
using TypedMail;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddTypedMail(builder.Configuration.GetSection("TypedMail"));

var app = builder.Build();
app.MapControllers();
app.Run();
// end

/// <summary>The entry point, visible to the tests.</summary>
public partial class Program;
