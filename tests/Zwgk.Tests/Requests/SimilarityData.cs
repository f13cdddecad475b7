using Zwgk.Web.Features.Requests.Library;

namespace Zwgk.Tests.Requests;

/// <summary>Realistic application texts (as applicants write them) for measuring the "same information" similarity.</summary>
public static class SimilarityData
{
    // Cluster A: three applicants, the same 2024 征地补偿安置方案 of 柳树屯村, in their own words.
    public const int A1 = 1, A2 = 2, A3 = 3;
    // Cluster B: the same document by 文号, different titles.
    public const int B1 = 4, B2 = 5;
    // Cluster C: 教育局 2023 预算 and 三公经费, worded differently.
    public const int C1 = 6, C2 = 7;
    // Cluster D: 东湖花园 拆迁 compensation standard, same applicant asking again.
    public const int D1 = 8, D2 = 9;

    public static readonly IReadOnlyList<SimilarityItem> Items =
    [
        new(A1, 1, "柳树屯村2024年征地补偿安置方案", "申请公开我区2024年征收柳树屯村集体土地的征地补偿安置方案。", null),
        new(A2, 1, "关于公开柳树屯村土地征收补偿安置方案的申请", "本人系柳树屯村村民，请求公开2024年度柳树屯村征地补偿安置方案及补偿标准。", null),
        new(A3, 1, "征地补偿安置方案", "请提供2024年征收柳树屯村集体土地的补偿安置方案（含安置补偿标准），以电子邮件方式提供。", null),
        new(B1, 1, "区政府关于印发老旧小区改造实施方案的通知", "申请该文件全文。", "市中政发〔2023〕5号"),
        new(B2, 1, "老旧小区改造方案", "要求提供市中政发〔2023〕5号文件。", "市中政发[2023]5号"),
        new(C1, 1, "区教育局2023年部门预算和三公经费", "申请公开区教育局2023年部门预算及“三公”经费预算安排情况。", null),
        new(C2, 1, "2023年区教育局三公经费预算及部门预算", "请提供区教育局2023年度部门预算、三公经费预算。", null),
        new(D1, 1, "东湖花园片区房屋征收补偿标准", "申请公开东湖花园片区国有土地上房屋征收补偿方案和补偿标准。", null),
        new(D2, 1, "东湖花园房屋征收补偿方案", "再次申请东湖花园片区房屋征收的补偿方案、补偿标准及评估报告。", null),

        // Unrelated, including near misses that share the subject but not the information.
        new(10, 1, "南关村2023年征地补偿安置方案", "申请公开2023年南关村集体土地征收的补偿安置方案。", null),
        new(11, 1, "柳树屯村2024年村级财务收支情况", "申请公开柳树屯村2024年村集体财务收支明细。", null),
        new(12, 1, "幸福路小学2024年招生划片范围", "请公开幸福路小学2024年秋季一年级招生学区划片范围。", null),
        new(13, 1, "本人低保申请的审批材料", "申请公开本人2019年申请最低生活保障的审核审批材料及不予批准的依据。", null),
        new(14, 1, "华强化工厂环境影响评价报告书及批复", "请提供华强化工有限公司年产5万吨项目环境影响评价报告书及环评批复文件。", null),
        new(15, 1, "区人社局2022年事业单位公开招聘考试成绩", "申请公开2022年区属事业单位公开招聘笔试、面试成绩及录用名单。", null),
        new(16, 1, "城区道路积水整治工程招标文件", "请公开城区道路积水点整治工程的招标文件及中标结果。", null),
        new(17, 1, "区卫健委2023年部门决算", "申请公开区卫生健康委员会2023年部门决算。", null),
        new(18, 1, "红星村违法建设查处情况", "申请公开红星村3组违法建设的调查处理结果及处罚决定书。", null),
        new(19, 1, "全区养老机构名单及运营补贴发放情况", "请提供全区养老机构名单以及2023年运营补贴资金发放明细。", null),
        new(20, 1, "河道采砂许可情况", "申请公开2024年辖区河道采砂许可的审批文件。", null),
        // Same as cluster A in words, but to another agency: 条例第四十四条 counts applications to the same agency.
        new(21, 2, "柳树屯村2024年征地补偿安置方案", "申请公开2024年柳树屯村征地补偿安置方案。", null),
        // 南关村 without a year: the same village as 10, so the same information as far as the words tell; not 柳树屯村's.
        new(22, 1, "南关村征地补偿安置方案", "申请公开南关村集体土地征收补偿安置方案和补偿标准。", null),
    ];
}
