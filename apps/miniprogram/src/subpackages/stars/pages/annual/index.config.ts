export default definePageConfig({ navigationBarTitleText: '年度评星定级' });
