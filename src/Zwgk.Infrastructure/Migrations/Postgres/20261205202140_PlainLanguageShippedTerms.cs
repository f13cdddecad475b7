using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlainLanguageShippedTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlainLanguageShippedTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlainLanguageShippedTerms", x => x.Term);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlainLanguageShippedTerms");
        }
    }
}
