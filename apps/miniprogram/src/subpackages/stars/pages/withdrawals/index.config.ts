export default definePageConfig({ navigationBarTitleText: '撤星管理' });
