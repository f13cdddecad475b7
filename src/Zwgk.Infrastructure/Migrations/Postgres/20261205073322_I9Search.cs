using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I9Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Searcher",
                table: "SearchQueryLogs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Searcher",
                table: "SearchQueryLogs");
        }
    }
}
