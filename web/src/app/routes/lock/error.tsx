export { TargetErrorView as LockErrorView } from "../target-error";
