//! The registry of stored metrics. One table drives the loader (key lookup), the validator
//! (constraints), the generator and the UI's labels, so a metric is added in one place.

/// How a metric's numbers are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    People,
    Households,
    /// Things: buildings, cameras, posts, rooms …
    Count,
}

/// Which panel a metric belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Population,
    Structure,
    Employment,
    Income,
    Monitoring,
    Groups,
    Services,
    Governance,
    Economy,
}

macro_rules! metrics {
    ($( $var:ident = $key:literal, $zh:literal, $en:literal, $unit:ident, $cat:ident; )*) => {
        /// A stored, additive count. The JSON key is [`Metric::key`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Metric { $($var),* }

        impl Metric {
            pub const ALL: &'static [Metric] = &[$(Metric::$var),*];
            pub const fn key(self) -> &'static str { match self { $(Metric::$var => $key),* } }
            pub const fn zh(self) -> &'static str { match self { $(Metric::$var => $zh),* } }
            pub const fn en(self) -> &'static str { match self { $(Metric::$var => $en),* } }
            pub const fn unit(self) -> Unit { match self { $(Metric::$var => Unit::$unit),* } }
            pub const fn category(self) -> Category { match self { $(Metric::$var => Category::$cat),* } }
            /// Looks a JSON key up; a `match` on strings compiles to a fast decision tree,
            /// which matters at 200 MB/s.
            pub fn from_key(key: &str) -> Option<Metric> {
                match key { $($key => Some(Metric::$var),)* _ => None }
            }
        }
    };
}

metrics! {
    People = "people", "人口", "People", People, Population;
    Households = "households", "户数", "Households", Households, Population;
    IncomePeople = "income_people", "收入统计人口", "People covered by income figure", People, Income;

    Sites = "sites", "安置点", "Sites", Count, Structure;
    Communities = "communities", "社区", "Communities", Count, Structure;
    Grids = "grids", "网格", "Grids", Count, Structure;
    Buildings = "buildings", "楼栋", "Buildings", Count, Structure;
    Units = "units", "单元", "Stairwell units", Count, Structure;
    Dwellings = "dwellings", "住房套数", "Dwellings", Count, Structure;
    OccupiedDwellings = "occupied_dwellings", "已入住套数", "Occupied dwellings", Count, Structure;
    AccessibleDwellings = "accessible_dwellings", "一楼无障碍住房", "Ground-floor dwellings for the less mobile", Count, Structure;

    Labour = "labour", "劳动力", "Labour force", People, Employment;
    LabourHouseholds = "labour_households", "有劳动力户", "Households with labour", Households, Employment;
    Employed = "employed", "已就业", "Employed", People, Employment;
    EmployedHouseholds = "employed_households", "就业户", "Households with someone employed", Households, Employment;
    Away = "away", "外出务工", "Working away", People, Employment;
    NearHome = "near_home", "就近就业", "Near-home work", People, Employment;
    Workshop = "workshop", "就业车间", "Workshops", People, Employment;
    WelfarePosts = "welfare_posts", "公益性岗位", "Public-welfare posts", People, Employment;
    SelfEmployed = "self_employed", "自主创业", "Self-employed", People, Employment;
    ZeroEmploymentHouseholds = "zero_employment_households", "零就业家庭", "Zero-employment households", Households, Employment;
    Trained = "trained", "培训人数", "Trainees", People, Employment;
    Certified = "certified", "取证人数", "Certified trainees", People, Employment;
    TrainingSessions = "training_sessions", "培训期数", "Training sessions", Count, Employment;

    LowIncomeHouseholds = "low_income_households", "人均收入不足1万元户", "Households under 10,000 yuan per head", Households, Income;

    MonitoredHouseholds = "monitored_households", "监测户", "Monitored households", Households, Monitoring;
    MonitoredPeople = "monitored_people", "监测人口", "Monitored people", People, Monitoring;
    RiskEliminatedHouseholds = "risk_eliminated_households", "已消除风险户", "Households with risk eliminated", Households, Monitoring;
    RiskEliminatedPeople = "risk_eliminated_people", "已消除风险人口", "People with risk eliminated", People, Monitoring;
    RiskRed = "risk_red", "红色风险户", "Red-risk households", Households, Monitoring;
    RiskYellow = "risk_yellow", "黄色风险户", "Yellow-risk households", Households, Monitoring;
    RiskGreen = "risk_green", "绿色户", "Green households", Households, Monitoring;

    LeftBehindChildren = "left_behind_children", "留守儿童", "Left-behind children", People, Groups;
    EmptyNestElderly = "empty_nest_elderly", "空巢老人", "Empty-nest elderly", People, Groups;
    Disabled = "disabled", "残疾人", "Disabled people", People, Groups;
    SeverelyDisabled = "severely_disabled", "重度残疾人", "Severely disabled", People, Groups;
    SubsistenceAllowance = "subsistence_allowance", "低保人口", "Subsistence-allowance recipients", People, Groups;
    SubsistenceHouseholds = "subsistence_households", "低保户", "Subsistence-allowance households", Households, Groups;
    Elderly75Plus = "elderly_75_plus", "75岁以上老人", "Elderly 75+", People, Groups;
    PartyMembers = "party_members", "党员", "Party members", People, Groups;

    SchoolKindergarten = "school_kindergarten", "幼儿园学位", "Kindergarten places", People, Services;
    SchoolPrimary = "school_primary", "小学学位", "Primary-school places", People, Services;
    SchoolMiddle = "school_middle", "中学学位", "Middle-school places", People, Services;
    ChildrenInSchool = "children_in_school", "就近入学儿童", "Children in school nearby", People, Services;
    Clinics = "clinics", "卫生室", "Clinics", Count, Services;
    MedicalInsured = "medical_insured", "医保参保", "Medical insurance enrolled", People, Services;
    PensionInsured = "pension_insured", "养老保险参保", "Pension insurance enrolled", People, Services;
    FamilyDoctorSigned = "family_doctor_signed", "家庭医生签约", "Family-doctor contracts", People, Services;
    ServiceCentres = "service_centres", "便民服务中心", "Service centres", Count, Services;

    GridWorkers = "grid_workers", "网格员", "Grid workers", People, Governance;
    BuildingHeads = "building_heads", "楼栋长", "Building heads", People, Governance;
    CommunityStewards = "community_stewards", "社区管家", "Community stewards", People, Governance;
    TenHouseholdUnits = "ten_household_units", "十联户单元", "Ten-household units", Count, Governance;
    ManagementUnits = "management_units", "管理单元", "Management units", Count, Governance;
    GovernanceCentres = "governance_centres", "综治中心", "Comprehensive governance centres", Count, Governance;
    PoliceRooms = "police_rooms", "警务室", "Police rooms", Count, Governance;
    FireStations = "fire_stations", "微型消防站", "Micro fire stations", Count, Governance;
    Cameras = "cameras", "监控探头", "Cameras", Count, Governance;
    MediationRooms = "mediation_rooms", "调解室", "Mediation rooms", Count, Governance;
    SatisfactionSurveyed = "satisfaction_surveyed", "满意度受访户", "Households surveyed on satisfaction", Households, Governance;
    Satisfied = "satisfied", "满意户", "Satisfied households", Households, Governance;
    FeeHouseholds = "fee_households", "应缴费户", "Households owing fees", Households, Governance;
    FeePaidHouseholds = "fee_paid_households", "已缴费户", "Households that paid fees", Households, Governance;

    Workshops = "workshops", "就业车间(企业)", "Workshops (firms)", Count, Economy;
    IndustryProjects = "industry_projects", "产业项目", "Industry projects", Count, Economy;
}

pub const N_METRICS: usize = Metric::ALL.len();

impl Metric {
    #[inline]
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// `a ≤ b` must hold at every node and period ("no count exceeds its total").
pub const AT_MOST: &[(Metric, Metric)] = {
    use Metric::*;
    &[
        (Households, People),
        (IncomePeople, People),
        (OccupiedDwellings, Dwellings),
        (AccessibleDwellings, Dwellings),
        (Labour, People),
        (LabourHouseholds, Households),
        (LabourHouseholds, Labour),
        (Employed, Labour),
        (EmployedHouseholds, LabourHouseholds),
        (EmployedHouseholds, Employed),
        (ZeroEmploymentHouseholds, LabourHouseholds),
        (Trained, Labour),
        (Certified, Trained),
        (LowIncomeHouseholds, Households),
        (MonitoredHouseholds, Households),
        (MonitoredPeople, People),
        (MonitoredHouseholds, MonitoredPeople),
        (RiskEliminatedHouseholds, MonitoredHouseholds),
        (RiskEliminatedPeople, MonitoredPeople),
        (LeftBehindChildren, People),
        (EmptyNestElderly, People),
        (Disabled, People),
        (SeverelyDisabled, Disabled),
        (SubsistenceAllowance, People),
        (SubsistenceHouseholds, Households),
        (SubsistenceHouseholds, SubsistenceAllowance),
        (Elderly75Plus, People),
        (PartyMembers, People),
        (ChildrenInSchool, People),
        (MedicalInsured, People),
        (PensionInsured, People),
        (FamilyDoctorSigned, People),
        (Satisfied, SatisfactionSurveyed),
        (FeePaidHouseholds, FeeHouseholds),
    ]
};

/// The parts must add up to the whole at every node and period.
pub const PARTITIONS: &[(Metric, &[Metric])] = {
    use Metric::*;
    &[
        (Employed, &[Away, NearHome, Workshop, WelfarePosts, SelfEmployed]),
        (Households, &[RiskRed, RiskYellow, RiskGreen]),
    ]
};

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
