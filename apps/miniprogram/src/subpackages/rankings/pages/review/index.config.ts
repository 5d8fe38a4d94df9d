export default definePageConfig({ navigationBarTitleText: '评比管理' });
