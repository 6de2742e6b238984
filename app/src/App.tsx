export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>MCP Auth Playground</h1>
        <p className="tagline">
          Edit the documents that drive an MCP client&apos;s authorization request and see which
          scope it asks for, and why.
        </p>
      </header>
    </div>
  );
}
