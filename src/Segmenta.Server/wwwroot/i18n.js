// One translation table for the whole dashboard: key → { en, zh-CN }.
export const texts = {
  'nav.overview': { en: 'Overview', 'zh-CN': '概览' },
  'nav.data': { en: 'Upload & run', 'zh-CN': '上传与运行' },
  'nav.customers': { en: 'Customers', 'zh-CN': '客户' },
  'nav.schemes': { en: 'Schemes', 'zh-CN': '分群方案' },
  'logout': { en: 'Log out', 'zh-CN': '退出' },
  'login.title': { en: 'Sign in', 'zh-CN': '登录' },
  'login.name': { en: 'User', 'zh-CN': '用户名' },
  'login.password': { en: 'Password', 'zh-CN': '密码' },
  'login.submit': { en: 'Sign in', 'zh-CN': '登录' },
  'overview.empty': { en: 'No run yet: upload transactions and start a run.', 'zh-CN': '还没有分群结果：请先上传交易数据并运行。' },
  'overview.scheme': { en: 'Scheme', 'zh-CN': '方案' },
  'kpi.customers': { en: 'Customers', 'zh-CN': '客户数' },
  'kpi.rows': { en: 'Rows accepted', 'zh-CN': '有效行数' },
  'kpi.rejected': { en: 'Rows rejected', 'zh-CN': '拒绝行数' },
  'kpi.asof': { en: 'As of', 'zh-CN': '分析日期' },
  'chart.segments': { en: 'Customers per segment', 'zh-CN': '各分群客户数' },
  'chart.rfm': { en: 'RFM heatmap (R × F)', 'zh-CN': 'RFM 热力图（R × F）' },
  'chart.matrix': { en: 'Classification matrix (ABC × value tier)', 'zh-CN': '分类矩阵（ABC × 价值层级）' },
  'chart.clv': { en: 'CLV per RFM segment', 'zh-CN': '各 RFM 分群的客户终身价值' },
  'chart.clv_empty': { en: 'Start a run with CLV to see this chart.', 'zh-CN': '运行时勾选 CLV 后可查看此图。' },
  'chart.lifecycle': { en: 'Lifecycle', 'zh-CN': '生命周期' },
  'chart.migration': { en: 'Migration between snapshots', 'zh-CN': '快照间客户迁移' },
  'chart.customers': { en: 'customers', 'zh-CN': '客户' },
  'upload.title': { en: 'Upload a file', 'zh-CN': '上传文件' },
  'upload.kind': { en: 'Kind', 'zh-CN': '类型' },
  'upload.button': { en: 'Upload', 'zh-CN': '上传' },
  'upload.done': { en: 'Uploaded: {read} rows read, {accepted} accepted, {rejected} rejected.', 'zh-CN': '已上传：读取 {read} 行，接受 {accepted} 行，拒绝 {rejected} 行。' },
  'upload.pick': { en: 'Choose a file first.', 'zh-CN': '请先选择文件。' },
  'run.title': { en: 'Segmentation run', 'zh-CN': '运行分群' },
  'run.clv': { en: 'Fit CLV models', 'zh-CN': '计算客户终身价值' },
  'run.button': { en: 'Run', 'zh-CN': '运行' },
  'run.cancel': { en: 'Cancel', 'zh-CN': '取消' },
  'run.succeeded': { en: 'Done.', 'zh-CN': '完成。' },
  'run.failed': { en: 'Failed: ', 'zh-CN': '失败：' },
  'run.cancelled': { en: 'Cancelled.', 'zh-CN': '已取消。' },
  'export.title': { en: 'Downloads', 'zh-CN': '下载' },
  'export.actions': { en: 'Action list (CSV)', 'zh-CN': '行动清单（CSV）' },
  'export.report': { en: 'Report (HTML)', 'zh-CN': '分析报告（HTML）' },
  'export.csv': { en: 'Customers (CSV)', 'zh-CN': '客户（CSV）' },
  'export.xlsx': { en: 'Customers (Excel)', 'zh-CN': '客户（Excel）' },
  'customers.search': { en: 'Customer id starts with…', 'zh-CN': '客户编号开头…' },
  'customers.go': { en: 'Search', 'zh-CN': '搜索' },
  'customers.total': { en: '{n} customers', 'zh-CN': '共 {n} 位客户' },
  'customers.profile': { en: 'Customer {id}', 'zh-CN': '客户 {id}' },
  'customers.reasons': { en: 'Why', 'zh-CN': '原因' },
  'pager.prev': { en: '‹ Previous', 'zh-CN': '‹ 上一页' },
  'pager.next': { en: 'Next ›', 'zh-CN': '下一页 ›' },
  'schemes.name': { en: 'Scheme name', 'zh-CN': '方案名称' },
  'schemes.save': { en: 'Save', 'zh-CN': '保存' },
  'schemes.valid': { en: 'Valid.', 'zh-CN': '有效。' },
  'schemes.saved': { en: 'Saved as version {v}.', 'zh-CN': '已保存为第 {v} 版。' },
  'schemes.unavailable': { en: 'Scheme files are not available on this server yet.', 'zh-CN': '此服务器暂不支持方案文件。' },
};

let current = localStorage.getItem('segmenta.lang') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');

export const lang = () => current;

export function setLang(value) {
  current = value === 'zh-CN' ? 'zh-CN' : 'en';
  localStorage.setItem('segmenta.lang', current);
  document.documentElement.lang = current;
  apply();
}

/** The text of a key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const entry = texts[key];
  const text = entry ? entry[current] ?? entry.en : key;
  return text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
}

/** Fills every element carrying data-i18n / data-i18n-placeholder. */
export function apply(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}
