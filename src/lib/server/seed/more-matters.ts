import type { GeneratedMatter } from './generate';

/**
 * High-frequency matters a district lists besides the demo catalogue's subset (passports,
 * pension transfers, provident-fund withdrawals…), seeded after the generated ones so existing
 * matter ids keep their numbers. `popularity` is the prior before any call history exists.
 */
export const moreMatters: (GeneratedMatter & { weekend: boolean; popularity: number })[] = [
	{
		dept: 'ga',
		name: '普通护照签发',
		en: 'Ordinary passport issuance',
		level: 'district',
		weekend: false,
		popularity: 700
	},
	{
		dept: 'ga',
		name: '往来港澳通行证签发',
		en: 'Travel permit to Hong Kong and Macao',
		level: 'district',
		weekend: false,
		popularity: 690
	},
	{
		dept: 'ga',
		name: '临时居民身份证申领',
		en: 'Temporary ID card application',
		level: 'district',
		weekend: false,
		popularity: 600
	},
	{
		dept: 'hrss',
		name: '企业职工基本养老保险关系转移',
		en: 'Pension insurance transfer between regions',
		level: 'town',
		weekend: true,
		popularity: 680
	},
	{
		dept: 'hrss',
		name: '城乡居民基本养老保险待遇申领',
		en: 'Resident basic pension claim',
		level: 'town',
		weekend: true,
		popularity: 670
	},
	{
		dept: 'hrss',
		name: '个人社保缴费证明打印',
		en: 'Social insurance payment record printout',
		level: 'town',
		weekend: true,
		popularity: 660
	},
	{
		dept: 'zj',
		name: '住房公积金提取',
		en: 'Housing provident fund withdrawal',
		level: 'district',
		weekend: false,
		popularity: 650
	},
	{
		dept: 'mz',
		name: '结婚登记',
		en: 'Marriage registration',
		level: 'district',
		weekend: false,
		popularity: 640
	},
	{
		dept: 'tax',
		name: '个人所得税纳税记录开具',
		en: 'Individual income tax record',
		level: 'district',
		weekend: false,
		popularity: 630
	},
	{
		dept: 'ga',
		name: '机动车驾驶证换证',
		en: 'Driving licence renewal',
		level: 'district',
		weekend: false,
		popularity: 620
	}
];
