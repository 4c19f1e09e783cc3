/** Deterministic generators for demo data: the same catalogue and staff on every machine. */

/** A small seeded PRNG (mulberry32), so demo data is identical on every run. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const subjects: Record<string, [string, string][]> = {
	scjg: [
		['食品经营许可', 'food business licence'],
		['农民专业合作社', 'farmer co-operative'],
		['个人独资企业', 'sole-investor enterprise'],
		['合伙企业', 'partnership'],
		['股份有限公司', 'joint-stock company'],
		['营业执照', 'business licence'],
		['广告发布登记', 'advertising registration'],
		['计量器具', 'measuring instrument']
	],
	tax: [
		['增值税发票', 'VAT invoice'],
		['个人所得税', 'individual income tax'],
		['印花税', 'stamp duty'],
		['房产税', 'property tax'],
		['社保费', 'social insurance contribution'],
		['车船税', 'vehicle and vessel tax'],
		['纳税信用', 'tax credit rating']
	],
	hrss: [
		['灵活就业人员社保', 'flexible-employment social insurance'],
		['失业保险金', 'unemployment benefit'],
		['工伤保险待遇', 'work-injury benefit'],
		['职业技能培训补贴', 'vocational training subsidy'],
		['就业创业证', 'employment and start-up card'],
		['人才引进', 'talent introduction'],
		['劳动合同备案', 'labour contract filing'],
		['社会保障卡', 'social security card']
	],
	ybj: [
		['医保关系转移', 'medical insurance transfer'],
		['异地就医备案', 'out-of-area medical care filing'],
		['门诊特定病种', 'designated outpatient conditions'],
		['生育津贴', 'maternity allowance'],
		['医疗费用报销', 'medical expense reimbursement'],
		['城乡居民医保参保', 'resident medical insurance enrolment']
	],
	mz: [
		['最低生活保障', 'minimum living allowance'],
		['特困人员供养', 'extreme-poverty support'],
		['婚姻登记', 'marriage registration'],
		['殡葬补贴', 'funeral subsidy'],
		['高龄津贴', 'advanced-age allowance'],
		['临时救助', 'temporary assistance'],
		['社会组织', 'social organisation']
	],
	ga: [
		['户籍迁入', 'household registration move-in'],
		['居住证', 'residence permit'],
		['身份证', 'ID card'],
		['出入境证件', 'exit-entry document'],
		['无犯罪记录证明', 'no-criminal-record certificate'],
		['机动车登记', 'vehicle registration'],
		['驾驶证', 'driving licence'],
		['户口本', 'household register booklet']
	],
	zj: [
		['公租房', 'public rental housing'],
		['住房公积金', 'housing provident fund'],
		['商品房预售', 'pre-sale of housing'],
		['建筑工程施工许可', 'construction permit'],
		['物业服务', 'property management'],
		['房屋租赁登记', 'tenancy registration']
	],
	sw: [
		['排水许可', 'drainage permit'],
		['取水许可', 'water abstraction permit'],
		['河道管理范围内建设', 'construction near waterways'],
		['供水报装', 'water supply connection'],
		['水土保持方案', 'soil and water conservation plan']
	],
	wj: [
		['出生医学证明', 'birth medical certificate'],
		['母婴保健', 'maternal and infant care'],
		['医师执业', 'physician practice'],
		['公共场所卫生许可', 'public-place hygiene permit'],
		['计划生育奖励', 'family planning reward'],
		['预防接种', 'vaccination record']
	],
	jt: [
		['道路运输经营', 'road transport operation'],
		['网约车', 'ride-hailing vehicle'],
		['出租汽车', 'taxi'],
		['超限运输', 'oversize transport'],
		['驾驶员培训', 'driver training']
	],
	gz: [
		['不动产登记', 'real-estate registration'],
		['建设用地规划', 'land-use planning'],
		['宅基地', 'rural homestead'],
		['测绘成果', 'surveying results'],
		['规划条件核实', 'planning verification']
	],
	cg: [
		['户外广告设置', 'outdoor advertising'],
		['占道经营', 'street vending'],
		['建筑垃圾处置', 'construction waste disposal'],
		['城市绿化', 'urban greening'],
		['燃气经营', 'gas supply business']
	],
	cl: [
		['残疾人证', 'disability card'],
		['残疾人两项补贴', 'disability subsidies'],
		['辅助器具适配', 'assistive devices'],
		['残疾人就业', 'disability employment'],
		['无障碍改造', 'accessibility modification']
	],
	tyjr: [
		['优待证', 'preferential treatment card'],
		['退役士兵安置', 'veteran placement'],
		['优抚对象补助', 'entitled-group subsidy'],
		['军人军属法律援助', 'legal aid for military families'],
		['退役军人创业', 'veteran start-up support']
	]
};

const actions: [string, string][] = [
	['申请', 'application'],
	['变更', 'change'],
	['注销', 'cancellation'],
	['补办', 'replacement'],
	['证明开具', 'certificate'],
	['备案', 'filing'],
	['年度审核', 'annual review'],
	['进度查询', 'progress enquiry'],
	['延续', 'renewal'],
	['信息更正', 'information correction'],
	['咨询', 'consultation'],
	['材料预审', 'document pre-check']
];

export interface GeneratedMatter {
	dept: string;
	name: string;
	en: string;
	level: 'district' | 'town';
}

/** Generated matters (subject × action per department), enough to make search matter. */
export function generatedMatters(): GeneratedMatter[] {
	const out: GeneratedMatter[] = [];
	const r = rng(42);
	for (const [dept, list] of Object.entries(subjects)) {
		for (const [subject, subjectEn] of list) {
			for (const [action, actionEn] of actions) {
				out.push({
					dept,
					name: `${subject}${action}`,
					en: `${subjectEn[0]!.toUpperCase()}${subjectEn.slice(1)} ${actionEn}`,
					level: r() < 0.6 ? 'district' : 'town'
				});
			}
		}
	}
	return out;
}
