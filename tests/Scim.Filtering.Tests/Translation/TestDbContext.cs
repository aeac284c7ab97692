using Microsoft.EntityFrameworkCore;

namespace Scim.Filtering.Tests.Translation;

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<TestUser> Users => Set<TestUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestUser>().HasMany(u => u.Emails).WithOne().HasForeignKey(e => e.UserId);
        modelBuilder.Entity<TestUser>().HasIndex(u => u.UserNameNormalized);
    }
}
