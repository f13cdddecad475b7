using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Ledger;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> b)
    {
        b.ToTable("WorkPlans");
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.SourceFileName).HasMaxLength(FieldLengths.FileName);
        b.Property(x => x.SourceHash).HasMaxLength(FieldLengths.Sha256);
        b.Property(x => x.Layout).HasMaxLength(FieldLengths.WorkPlanLayout);
        b.Property(x => x.ImportNotes).HasMaxLength(FieldLengths.ImportNotes);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.Year);
        b.HasIndex(x => x.SourceHash);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkPlanSectionConfiguration : IEntityTypeConfiguration<WorkPlanSection>
{
    public void Configure(EntityTypeBuilder<WorkPlanSection> b)
    {
        b.ToTable("WorkPlanSections");
        b.Property(x => x.Number).HasMaxLength(FieldLengths.SectionNumber);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.SectionTitle);
        b.Ignore(x => x.Heading);
        b.HasOne<WorkPlanSection>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PlanId, x.Order });
    }
}

public sealed class LedgerTaskConfiguration : IEntityTypeConfiguration<LedgerTask>
{
    public void Configure(EntityTypeBuilder<LedgerTask> b)
    {
        b.ToTable("LedgerTasks");
        b.Property(x => x.Number).HasMaxLength(FieldLengths.TaskNumber);
        b.Property(x => x.Requirement).HasMaxLength(FieldLengths.TaskRequirement);
        b.Property(x => x.LeadUnitsText).HasMaxLength(FieldLengths.UnitsText);
        b.Property(x => x.ResponsibleUnitsText).HasMaxLength(FieldLengths.UnitsText);
        b.Property(x => x.DeadlineText).HasMaxLength(FieldLengths.DeadlineText);
        b.Property(x => x.Source).HasMaxLength(FieldLengths.TaskSource);
        b.Property(x => x.BodyText).HasMaxLength(FieldLengths.TaskBodyText);
        b.Property(x => x.ClosedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ClosingNote).HasMaxLength(FieldLengths.ClosingNote);
        // A section holds tasks; deleting a section is not a thing the UI does, so keep the row safe.
        b.HasOne<WorkPlanSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LedgerTask>().WithMany().HasForeignKey(x => x.CarriedOverFromTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PlanId, x.Order });
        b.HasIndex(x => x.DueOn);
        b.HasMany(x => x.Mentions).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TaskUnitMentionConfiguration : IEntityTypeConfiguration<TaskUnitMention>
{
    public void Configure(EntityTypeBuilder<TaskUnitMention> b)
    {
        b.ToTable("LedgerTaskMentions");
        b.Property(x => x.Name).HasMaxLength(FieldLengths.MentionName);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.MentionNote);
        b.Property(x => x.Explanation).HasMaxLength(FieldLengths.ResolutionExplanation);
        b.Property(x => x.ConfirmedBy).HasMaxLength(FieldLengths.PersonName);
        b.HasIndex(x => new { x.Resolution, x.Name });
    }
}

public sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> b)
    {
        b.ToTable("LedgerAssignments");
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TaskUnitMention>().WithMany().HasForeignKey(x => x.MentionId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.VerifiedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Feedback).HasMaxLength(FieldLengths.TaskReportText);
        // One part per unit per task; "my tasks" lists by unit.
        b.HasIndex(x => new { x.TaskId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasMany(x => x.Reports).WithOne().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TaskReportConfiguration : IEntityTypeConfiguration<TaskReport>
{
    public void Configure(EntityTypeBuilder<TaskReport> b)
    {
        b.ToTable("LedgerReports");
        b.Property(x => x.Text).HasMaxLength(FieldLengths.TaskReportText);
        b.Property(x => x.ActorName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ActorUserId).HasMaxLength(FieldLengths.UserId);
        b.HasIndex(x => new { x.AssignmentId, x.At });
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TaskEvidenceConfiguration : IEntityTypeConfiguration<TaskEvidence>
{
    public void Configure(EntityTypeBuilder<TaskEvidence> b)
    {
        b.ToTable("LedgerEvidence");
        b.Property(x => x.Url).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.EvidenceTitle);
        b.Property(x => x.FileName).HasMaxLength(FieldLengths.FileName);
        b.Property(x => x.ContentType).HasMaxLength(FieldLengths.ContentType);
        b.Property(x => x.Sha256).HasMaxLength(FieldLengths.Sha256);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class TaskMilestoneConfiguration : IEntityTypeConfiguration<TaskMilestone>
{
    public void Configure(EntityTypeBuilder<TaskMilestone> b)
    {
        b.ToTable("LedgerMilestones");
        b.Property(x => x.Phrase).HasMaxLength(FieldLengths.MilestonePhrase);
        b.Property(x => x.Clause).HasMaxLength(FieldLengths.MilestoneClause);
        b.Property(x => x.ReachedBy).HasMaxLength(FieldLengths.PersonName);
        b.HasIndex(x => x.DueOn);
    }
}
