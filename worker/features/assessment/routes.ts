export { assessmentRoutes } from './assessment-routes.tsx';
export { meetingRoutes } from './meeting-routes.tsx';
export { feedbackForChild } from './feedback-for-child.tsx';
