namespace Zwgk.Web.Features.Shared;

/// <summary>Marks an endpoint or page that receives attachments: its request limits follow Zwgk:MaxAttachmentMegabytes.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AttachmentUploadAttribute : Attribute;
