//! The registry of stored metrics. One table drives the loader (key lookup), the validator
//! (constraints), the generator and the UI's labels, so a metric is added in one place.

macro_rules! metrics {
    ($( $var:ident = $key:literal, $zh:literal, $en:literal; )*) => {
        /// A stored, additive count. The JSON key is [`Metric::key`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Metric { $($var),* }

        impl Metric {
            pub const ALL: &'static [Metric] = &[$(Metric::$var),*];
            pub const fn key(self) -> &'static str { match self { $(Metric::$var => $key),* } }
            pub const fn zh(self) -> &'static str { match self { $(Metric::$var => $zh),* } }
            pub const fn en(self) -> &'static str { match self { $(Metric::$var => $en),* } }
            /// Looks a JSON key up; a `match` on strings compiles to a fast decision tree,
            /// which matters at 200 MB/s.
            pub fn from_key(key: &str) -> Option<Metric> {
                match key { $($key => Some(Metric::$var),)* _ => None }
            }
        }
    };
}

metrics! {
    People = "people", "人口", "People";
    Households = "households", "户数", "Households";
    IncomePeople = "income_people", "收入统计人口", "People covered by income figure";

    Sites = "sites", "安置点", "Sites";
    Communities = "communities", "社区", "Communities";
    Grids = "grids", "网格", "Grids";
    Buildings = "buildings", "楼栋", "Buildings";
    Units = "units", "单元", "Stairwell units";
    Dwellings = "dwellings", "住房套数", "Dwellings";
    OccupiedDwellings = "occupied_dwellings", "已入住套数", "Occupied dwellings";
    AccessibleDwellings = "accessible_dwellings", "一楼无障碍住房", "Ground-floor dwellings for the less mobile";

    Labour = "labour", "劳动力", "Labour force";
    LabourHouseholds = "labour_households", "有劳动力户", "Households with labour";
    Employed = "employed", "已就业", "Employed";
    EmployedHouseholds = "employed_households", "就业户", "Households with someone employed";
    Away = "away", "外出务工", "Working away";
    NearHome = "near_home", "就近就业", "Near-home work";
    Workshop = "workshop", "就业车间", "Workshops";
    WelfarePosts = "welfare_posts", "公益性岗位", "Public-welfare posts";
    SelfEmployed = "self_employed", "自主创业", "Self-employed";
    ZeroEmploymentHouseholds = "zero_employment_households", "零就业家庭", "Zero-employment households";
    Trained = "trained", "培训人数", "Trainees";
    Certified = "certified", "取证人数", "Certified trainees";
    TrainingSessions = "training_sessions", "培训期数", "Training sessions";

    LowIncomeHouseholds = "low_income_households", "人均收入不足1万元户", "Households under 10,000 yuan per head";

    MonitoredHouseholds = "monitored_households", "监测户", "Monitored households";
    MonitoredPeople = "monitored_people", "监测人口", "Monitored people";
    RiskEliminatedHouseholds = "risk_eliminated_households", "已消除风险户", "Households with risk eliminated";
    RiskEliminatedPeople = "risk_eliminated_people", "已消除风险人口", "People with risk eliminated";
    RiskRed = "risk_red", "红色风险户", "Red-risk households";
    RiskYellow = "risk_yellow", "黄色风险户", "Yellow-risk households";
    RiskGreen = "risk_green", "绿色户", "Green households";

    LeftBehindChildren = "left_behind_children", "留守儿童", "Left-behind children";
    EmptyNestElderly = "empty_nest_elderly", "空巢老人", "Empty-nest elderly";
    Disabled = "disabled", "残疾人", "Disabled people";
    SeverelyDisabled = "severely_disabled", "重度残疾人", "Severely disabled";
    SubsistenceAllowance = "subsistence_allowance", "低保人口", "Subsistence-allowance recipients";
    SubsistenceHouseholds = "subsistence_households", "低保户", "Subsistence-allowance households";
    Elderly75Plus = "elderly_75_plus", "75岁以上老人", "Elderly 75+";
    PartyMembers = "party_members", "党员", "Party members";

    SchoolKindergarten = "school_kindergarten", "幼儿园学位", "Kindergarten places";
    SchoolPrimary = "school_primary", "小学学位", "Primary-school places";
    SchoolMiddle = "school_middle", "中学学位", "Middle-school places";
    ChildrenInSchool = "children_in_school", "就近入学儿童", "Children in school nearby";
    Clinics = "clinics", "卫生室", "Clinics";
    MedicalInsured = "medical_insured", "医保参保", "Medical insurance enrolled";
    PensionInsured = "pension_insured", "养老保险参保", "Pension insurance enrolled";
    FamilyDoctorSigned = "family_doctor_signed", "家庭医生签约", "Family-doctor contracts";
    ServiceCentres = "service_centres", "便民服务中心", "Service centres";

    GridWorkers = "grid_workers", "网格员", "Grid workers";
    BuildingHeads = "building_heads", "楼栋长", "Building heads";
    CommunityStewards = "community_stewards", "社区管家", "Community stewards";
    TenHouseholdUnits = "ten_household_units", "十联户单元", "Ten-household units";
    ManagementUnits = "management_units", "管理单元", "Management units";
    GovernanceCentres = "governance_centres", "综治中心", "Comprehensive governance centres";
    PoliceRooms = "police_rooms", "警务室", "Police rooms";
    FireStations = "fire_stations", "微型消防站", "Micro fire stations";
    Cameras = "cameras", "监控探头", "Cameras";
    MediationRooms = "mediation_rooms", "调解室", "Mediation rooms";
    SatisfactionSurveyed = "satisfaction_surveyed", "满意度受访户", "Households surveyed on satisfaction";
    Satisfied = "satisfied", "满意户", "Satisfied households";
    FeeHouseholds = "fee_households", "应缴费户", "Households owing fees";
    FeePaidHouseholds = "fee_paid_households", "已缴费户", "Households that paid fees";

    Workshops = "workshops", "就业车间(企业)", "Workshops (firms)";
    IndustryProjects = "industry_projects", "产业项目", "Industry projects";
}

pub const N_METRICS: usize = Metric::ALL.len();

impl Metric {
    #[inline]
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// What a metric counts: people, households, or things (sites, posts, rooms). It gives
/// the unit in a header ("户数（户）") and the base of a share: a household count is a
/// share of households, a people count a share of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    People,
    Households,
    Items,
}

impl Unit {
    /// The unit as a header writes it: 人, 户, 个 (people, households, count).
    pub fn word(self, lang: crate::format::Lang) -> &'static str {
        match self {
            Unit::People => lang.pick("人", "people"),
            Unit::Households => lang.pick("户", "households"),
            Unit::Items => lang.pick("个", "count"),
        }
    }
}

impl Metric {
    /// What the metric counts (see [`Unit`]).
    pub const fn unit(self) -> Unit {
        use Metric::*;
        match self {
            People | IncomePeople | Labour | Employed | Away | NearHome | Workshop | WelfarePosts | SelfEmployed
            | Trained | Certified | MonitoredPeople | RiskEliminatedPeople | LeftBehindChildren | EmptyNestElderly
            | Disabled | SeverelyDisabled | SubsistenceAllowance | Elderly75Plus | PartyMembers | ChildrenInSchool
            | MedicalInsured | PensionInsured | FamilyDoctorSigned | GridWorkers | BuildingHeads
            | CommunityStewards => Unit::People,
            Households
            | LabourHouseholds
            | EmployedHouseholds
            | ZeroEmploymentHouseholds
            | LowIncomeHouseholds
            | MonitoredHouseholds
            | RiskEliminatedHouseholds
            | RiskRed
            | RiskYellow
            | RiskGreen
            | SubsistenceHouseholds
            | SatisfactionSurveyed
            | Satisfied
            | FeeHouseholds
            | FeePaidHouseholds => Unit::Households,
            _ => Unit::Items,
        }
    }

    /// The whole a share of this metric is taken of: households for a household count,
    /// people otherwise (a share of sites means nothing, and none is offered).
    pub const fn share_base(self) -> Metric {
        match self.unit() {
            Unit::Households => Metric::Households,
            _ => Metric::People,
        }
    }
}

/// Employment channels, in the order the UI shows them.
pub const CHANNELS: &[Metric] = {
    use Metric::*;
    &[Away, NearHome, Workshop, WelfarePosts, SelfEmployed]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (i, m) in Metric::ALL.iter().enumerate() {
            assert_eq!(m.index(), i);
            assert_eq!(Metric::from_key(m.key()), Some(*m));
            assert!(seen.insert(m.key()), "duplicate key {}", m.key());
        }
        assert_eq!(Metric::from_key("nope"), None);
    }

    #[test]
    fn ui_contract_metric_names_exist() {
        for k in [
            "people",
            "households",
            "labour",
            "employed",
            "welfare_posts",
            "monitored_households",
            "monitored_people",
            "zero_employment_households",
            "trained",
        ] {
            assert!(Metric::from_key(k).is_some(), "{k}");
        }
    }
}
