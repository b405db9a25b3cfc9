namespace Segmenta.Core.Synthetic.Internal;

/// <summary>The value lists and weights of the industry profiles (Chinese, as a Chinese CRM export would hold them).</summary>
internal static class ProfileCatalog
{
    public static readonly string[] Provinces = ["广东", "浙江", "江苏", "山东", "四川", "河南", "湖北", "福建"];

    public static readonly string[] ChemicalIndustries = ["涂料", "塑料", "纺织", "电子", "汽车", "建材"];
    public static readonly double[] ChemicalIndustryWeights = [0.24, 0.22, 0.16, 0.14, 0.14, 0.10];

    public static readonly string[] HospitalLevels = ["三级甲等", "三级", "二级", "一级"];
    public static readonly double[] HospitalLevelWeights = [0.15, 0.20, 0.40, 0.25];
    /// <summary>Bed ranges per hospital level (min, max).</summary>
    public static readonly (int Min, int Max)[] HospitalBeds = [(800, 3000), (500, 1200), (150, 600), (20, 150)];
    /// <summary>Rep contacts per 30 days per hospital level.</summary>
    public static readonly double[] HospitalContactsPerMonth = [4.0, 2.5, 1.5, 0.7];

    public static readonly string[] RetailChannels = ["线上", "门店"];
    public static readonly string[] MemberLevels = ["普通", "银卡", "金卡", "钻石"];
    public static readonly double[] MemberLevelWeights = [0.50, 0.30, 0.15, 0.05];

    public static readonly string[] FinanceChannels = ["网点", "手机银行", "理财经理"];

    public static readonly string[] Reps = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"];

    public static readonly string[] RetailNeeds = ["价格", "品质", "体验", "服务", "功能"];
    public static readonly string[] ChemicalNeeds = ["价格", "交期", "技术支持", "品质"];
    public static readonly string[] PharmaNeeds = ["学术支持", "供货保障", "价格", "临床数据"];
    public static readonly string[] FinanceNeeds = ["收益", "安全", "流动性", "服务"];

    /// <summary>Type weights (visit, call, email, meeting) per profile.</summary>
    public static double[] TypeWeights(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Retail => [0.05, 0.35, 0.55, 0.05],
        SyntheticProfile.Chemicals => [0.35, 0.45, 0.10, 0.10],
        SyntheticProfile.Pharma => [0.70, 0.15, 0.05, 0.10],
        _ => [0.10, 0.50, 0.30, 0.10],
    };

    /// <summary>Typical cost in yuan of a visit, call, email and meeting per profile.</summary>
    public static double[] TypeCosts(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Retail => [50, 8, 0.5, 200],
        SyntheticProfile.Chemicals => [800, 30, 2, 1500],
        SyntheticProfile.Pharma => [300, 20, 2, 3000],
        _ => [200, 15, 1, 500],
    };

    /// <summary>Contacts per 30 days of an average customer (pharma uses <see cref="HospitalContactsPerMonth"/>).</summary>
    public static double ContactsPerMonth(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Retail => 0.15,
        SyntheticProfile.Chemicals => 1.0,
        _ => 0.5,
    };

    /// <summary>Amounts are the simulated amounts times this.</summary>
    public static int AmountFactor(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Chemicals => 800,
        SyntheticProfile.Pharma => 300,
        SyntheticProfile.Finance => 20,
        _ => 1,
    };

    /// <summary>Range of the customers' gross margin rates.</summary>
    public static (double Min, double Max) MarginRange(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Chemicals => (0.12, 0.30),
        SyntheticProfile.Pharma => (0.35, 0.60),
        SyntheticProfile.Finance => (0.60, 0.90),
        _ => (0.25, 0.50),
    };

    /// <summary>Share of customers who answer surveys.</summary>
    public static double SurveyShare(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Chemicals => 0.6,
        SyntheticProfile.Finance => 0.4,
        _ => 0.5,
    };
}
