import "vitest-browser-react";
import "../index.css";
