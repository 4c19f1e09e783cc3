/** The transfer list's texts: each colleague with what they speak and handle. */
export const transferZh = {
	speaks: '语言：{{list}}',
	handles: '部门：{{list}}',
	moreDepartments_one: '{{list}} 等 {{count}} 个部门',
	moreDepartments_other: '{{list}} 等 {{count}} 个部门',
	noDepartments: '未配置事项',
	noLanguages: '未配置语言',
	separator: '、',
	username: '（{{name}}）'
};

export const transferEn: typeof transferZh = {
	speaks: 'Speaks: {{list}}',
	handles: 'Departments: {{list}}',
	moreDepartments_one: '{{list}} and {{count}} more department',
	moreDepartments_other: '{{list}} and {{count}} more departments',
	noDepartments: 'No matters set',
	noLanguages: 'No languages set',
	separator: ', ',
	username: ' ({{name}})'
};
