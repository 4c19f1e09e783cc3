/** Matter finder texts (search results, department paging): Chinese and English, key for key. */
export const finderZh = {
	range: '第 {{from}}–{{to}} 项，共 {{total}} 项',
	all: '共 {{total}} 项',
	pages: '翻页',
	prev: '上一页',
	next: '下一页',
	page: '第 {{page}} / {{pages}} 页',
	department: '所属部门：{{name}}',
	hint: '可输入拼音或首字母，如 yanglaojin、ylj；错别字和繁体字也能找到'
};

export const finderEn: typeof finderZh = {
	range: '{{from}}–{{to}} of {{total}}',
	all: '{{total}} in all',
	pages: 'Pages',
	prev: 'Previous page',
	next: 'Next page',
	page: 'Page {{page}} of {{pages}}',
	department: 'Department: {{name}}',
	hint: 'Chinese, pinyin or its initials (yanglaojin, ylj), or English; slips and traditional characters are forgiven'
};
