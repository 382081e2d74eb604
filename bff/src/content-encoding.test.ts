import { describe, expect, it } from "vitest";
import { chooseEncoding } from "./content-encoding.ts";

describe("choosing a prepared encoding", () => {
  it("prefers brotli, then gzip, as browsers offer them", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd", ["br", "gzip"])).toBe("br");
    expect(chooseEncoding("gzip, deflate", ["br", "gzip"])).toBe("gzip");
    expect(chooseEncoding("gzip, deflate, br", ["gzip"])).toBe("gzip");
  });

  it("follows q-values, q=0 refusing one and * standing for the rest", () => {
    expect(chooseEncoding("br;q=0, gzip", ["br", "gzip"])).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip;q=0.9", ["br", "gzip"])).toBe("gzip");
    expect(chooseEncoding("*", ["br", "gzip"])).toBe("br");
    expect(chooseEncoding("*;q=0, identity", ["br", "gzip"])).toBeNull();
    expect(chooseEncoding("GZIP;Q=1.0", ["br", "gzip"])).toBe("gzip");
  });

  it("sends the file as it is when the client takes none, or nothing is prepared", () => {
    expect(chooseEncoding(undefined, ["br", "gzip"])).toBeNull();
    expect(chooseEncoding("identity", ["br", "gzip"])).toBeNull();
    expect(chooseEncoding("deflate", ["br", "gzip"])).toBeNull();
    expect(chooseEncoding("br, gzip", [])).toBeNull();
  });
});
